package org.opencrm.contacts.timeline;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.opencrm.contacts.card.CardRef;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The timeline tab of contact and company cards. */
@RestController
class TimelineController {

    private final Timeline timeline;

    TimelineController(Timeline timeline) {
        this.timeline = timeline;
    }

    @GetMapping("/api/{cards:contacts|companies}/{id}/timeline")
    Timeline.Page list(@PathVariable String cards, @PathVariable UUID id,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "30") int limit) {
        return timeline.of(kind(cards), id, cursor, limit);
    }

    @PostMapping("/api/{cards:contacts|companies}/{id}/timeline")
    ResponseEntity<Timeline.Entry> add(@PathVariable String cards, @PathVariable UUID id,
            @Valid @RequestBody Timeline.NewEntry entry) {
        Timeline.Entry created = timeline.add(kind(cards), id, entry);
        return ResponseEntity.created(URI.create("/api/" + cards + "/" + id + "/timeline/" + created.id())).body(created);
    }

    @DeleteMapping("/api/{cards:contacts|companies}/{id}/timeline/{entryId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void remove(@PathVariable String cards, @PathVariable UUID id, @PathVariable UUID entryId) {
        timeline.remove(kind(cards), id, entryId);
    }

    static CardRef.Kind kind(String cards) {
        return "contacts".equals(cards) ? CardRef.Kind.CONTACT : CardRef.Kind.COMPANY;
    }
}
