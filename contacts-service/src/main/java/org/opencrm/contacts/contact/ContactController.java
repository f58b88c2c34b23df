package org.opencrm.contacts.contact;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.opencrm.contacts.customfield.CardType;
import org.opencrm.contacts.customfield.CustomFields;
import org.opencrm.contacts.history.Change;
import org.opencrm.contacts.history.History;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import tools.jackson.databind.JsonNode;

/** The contact list, search and card over HTTP. */
@RestController
@RequestMapping("/api/contacts")
class ContactController {

    private final ContactService contacts;
    private final ContactSearch search;
    private final History history;
    private final CustomFields customFields;

    ContactController(ContactService contacts, ContactSearch search, History history, CustomFields customFields) {
        this.customFields = customFields;
        this.contacts = contacts;
        this.search = search;
        this.history = history;
    }

    @GetMapping
    ContactPage list(@RequestParam(required = false) String q, @RequestParam(required = false) UUID owner,
            @RequestParam(defaultValue = "false") boolean unassigned, @RequestParam(required = false) List<String> tag,
            @RequestParam(required = false) ContactStatus status, @RequestParam(required = false) Boolean vip,
            @RequestParam(required = false) String source, @RequestParam(required = false) ContactKind kind,
            @RequestParam(required = false) Instant createdFrom, @RequestParam(required = false) Instant createdTo,
            @RequestParam(required = false) Instant updatedFrom, @RequestParam(required = false) Instant updatedTo,
            @RequestParam(required = false) String sort, @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit, @RequestParam MultiValueMap<String, String> all) {
        return search.page(new ContactQuery(q, owner, unassigned, tag, status, vip, source, kind, createdFrom, createdTo,
                updatedFrom, updatedTo, sort, cursor, limit, customFields.filter(CardType.CONTACT, all)), contacts.visibility());
    }

    @GetMapping("/count")
    Map<String, Long> count(@RequestParam(required = false) String q, @RequestParam(required = false) UUID owner,
            @RequestParam(defaultValue = "false") boolean unassigned, @RequestParam(required = false) List<String> tag,
            @RequestParam(required = false) ContactStatus status, @RequestParam(required = false) Boolean vip,
            @RequestParam(required = false) String source, @RequestParam(required = false) ContactKind kind,
            @RequestParam(required = false) Instant createdFrom, @RequestParam(required = false) Instant createdTo,
            @RequestParam(required = false) Instant updatedFrom, @RequestParam(required = false) Instant updatedTo,
            @RequestParam MultiValueMap<String, String> all) {
        return Map.of("count", search.count(new ContactQuery(q, owner, unassigned, tag, status, vip, source, kind,
                createdFrom, createdTo, updatedFrom, updatedTo, null, null, 0, customFields.filter(CardType.CONTACT, all)),
                contacts.visibility()));
    }

    /** 409 with the possible duplicates unless {@code confirmDuplicate=true}. */
    @PostMapping
    ResponseEntity<ContactView> create(@Valid @RequestBody ContactState state,
            @RequestParam(defaultValue = "false") boolean confirmDuplicate) {
        ContactView created = contacts.create(state, confirmDuplicate);
        return ResponseEntity.created(URI.create("/api/contacts/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    ContactView get(@PathVariable UUID id) {
        return contacts.get(id);
    }

    /** Every change of the card: who, when, each field before and after; newest first. */
    @GetMapping("/{id}/history")
    List<Change> history(@PathVariable UUID id) {
        contacts.get(id);
        List<UUID> cards = new java.util.ArrayList<>(List.of(id));
        cards.addAll(contacts.mergedInto(id));
        return history.of(Contact.class, cards, ContactController::historyFields);
    }

    private static Map<String, Object> historyFields(Contact c) {
        var fields = new java.util.LinkedHashMap<String, Object>();
        fields.put("kind", c.kind());
        fields.put("lastName", c.lastName());
        fields.put("firstName", c.firstName());
        fields.put("middleName", c.middleName());
        fields.put("birthDate", c.birthDate());
        fields.put("position", c.position());
        fields.put("status", c.status());
        fields.put("ownerId", c.ownerId());
        fields.put("vip", c.vip());
        fields.put("source", c.source());
        fields.put("tags", c.tags());
        fields.put("points", c.points().stream().map(Object::toString).toList());
        fields.put("newsConsent", c.newsConsent());
        fields.put("paymentPreference", c.paymentPreference());
        fields.put("deliveryPreference", c.deliveryPreference());
        fields.put("notes", c.notes());
        fields.put("customFields", c.customFields());
        // the photo's version: a new photo, a replaced one or a removed one shows as a change of this field
        fields.put("photo", c.photoVersion());
        return fields;
    }

    @PutMapping("/{id}")
    ContactView replace(@PathVariable UUID id, @Valid @RequestBody ContactState state) {
        return contacts.replace(id, state);
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    ContactView patch(@PathVariable UUID id, @RequestBody JsonNode patch) {
        return contacts.patch(id, patch);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        contacts.delete(id);
    }

    /** Hands contacts to another owner, or to nobody ({@code ownerId} null). */
    record Assignment(@NotEmpty @Size(max = 500) List<UUID> ids, UUID ownerId) {
    }

    @PostMapping("/assign")
    List<ContactView> assign(@Valid @RequestBody Assignment assignment) {
        return contacts.assign(assignment.ids(), assignment.ownerId());
    }

    /** Tags to add to and remove from many contacts at once. */
    record Tagging(@NotEmpty @Size(max = 500) List<UUID> ids,
            @Size(max = 50) List<@NotBlank @Size(max = 50) String> add,
            @Size(max = 50) List<@NotBlank @Size(max = 50) String> remove) {
    }

    @PostMapping("/tag")
    List<ContactView> tag(@Valid @RequestBody Tagging tagging) {
        if ((tagging.add() == null || tagging.add().isEmpty()) && (tagging.remove() == null || tagging.remove().isEmpty())) {
            throw InvalidFieldsException.of("add", "names no tag to add or remove");
        }
        return contacts.tag(tagging.ids(), orEmpty(tagging.add()), orEmpty(tagging.remove()));
    }

    /** The contacts to delete at once. */
    record Deletion(@NotEmpty @Size(max = 500) List<UUID> ids) {
    }

    @PostMapping("/delete")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void deleteAll(@Valid @RequestBody Deletion deletion) {
        contacts.delete(deletion.ids());
    }

    private static List<String> orEmpty(List<String> tags) {
        return tags == null ? List.of() : tags;
    }

    @ExceptionHandler(PossibleDuplicateException.class)
    ProblemDetail duplicate(PossibleDuplicateException ex) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                ex.getMessage() + " Open it, or create this one anyway with confirmDuplicate=true.");
        problem.setType(URI.create("/problems/possible-duplicate"));
        problem.setTitle("Possible duplicate");
        problem.setProperty("duplicates", ex.duplicates());
        return problem;
    }
}
