package org.opencrm.contacts.merge;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.opencrm.contacts.contact.ContactView;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MergeController {

    /** Which card stays and which one goes into it. */
    record Merge(@NotNull UUID survivorId, @NotNull UUID mergedId) {
    }

    private final ContactMerge merges;

    MergeController(ContactMerge merges) {
        this.merges = merges;
    }

    @PostMapping("/api/contacts/merge")
    ContactView merge(@Valid @RequestBody Merge merge) {
        return merges.merge(merge.survivorId(), merge.mergedId());
    }
}
