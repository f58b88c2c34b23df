package org.opencrm.contacts.savedview;

import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencrm.platform.starter.security.CurrentUser;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.NotFoundException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A user's saved views of the contact and company lists. Each user sees only their own; the query is
 * what the list screen sends (search, filters, sort) and is run through the same checks when used.
 */
@RestController
@RequestMapping("/api/contacts/views")
class SavedViewController {

    /** A saved view as the API shows and takes it. */
    record View(UUID id, String list, String name, Map<String, Object> query, Instant createdAt) {

        static View of(SavedView view) {
            return new View(view.id(), view.list(), view.name(), view.query(), view.createdAt());
        }
    }

    record Draft(@NotNull @Pattern(regexp = "contacts|companies", message = "must be contacts or companies") String list,
            @NotBlank @Size(max = 100) String name, @NotNull @Size(max = 30) Map<String, Object> query) {
    }

    private final SavedViewRepository views;
    private final EntityManager entityManager;

    SavedViewController(SavedViewRepository views, EntityManager entityManager) {
        this.views = views;
        this.entityManager = entityManager;
    }

    @GetMapping
    @Transactional(readOnly = true)
    List<View> list(@RequestParam(defaultValue = "contacts") String list) {
        return views.findByUserIdAndListOrderByName(CurrentUser.require().userId(), list).stream().map(View::of).toList();
    }

    @PostMapping
    @Transactional
    ResponseEntity<View> save(@Valid @RequestBody Draft draft) {
        UUID user = CurrentUser.require().userId();
        if (views.existsByUserIdAndListAndName(user, draft.list(), draft.name().strip())) {
            throw InvalidFieldsException.of("name", "is the name of another of your views");
        }
        var view = new SavedView(user, draft.list(), draft.name().strip(), draft.query());
        entityManager.persist(view);
        return ResponseEntity.created(URI.create("/api/contacts/views/" + view.id())).body(View.of(view));
    }

    @PutMapping("/{id}")
    @Transactional
    View change(@PathVariable UUID id, @Valid @RequestBody Draft draft) {
        SavedView view = own(id);
        if (!view.name().equals(draft.name().strip())
                && views.existsByUserIdAndListAndName(view.userId(), view.list(), draft.name().strip())) {
            throw InvalidFieldsException.of("name", "is the name of another of your views");
        }
        view.change(draft.name().strip(), draft.query());
        return View.of(view);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Transactional
    void remove(@PathVariable UUID id) {
        views.delete(own(id));
    }

    private SavedView own(UUID id) {
        return views.findById(id).filter(view -> view.userId().equals(CurrentUser.require().userId()))
                .orElseThrow(() -> new NotFoundException("Saved view", id));
    }
}
