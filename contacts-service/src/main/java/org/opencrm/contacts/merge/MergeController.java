package org.opencrm.contacts.merge;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import org.opencrm.contacts.company.CompanyView;
import org.opencrm.contacts.contact.ContactView;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class MergeController {

    /** Which card stays and which one goes into it. */
    record Merge(@NotNull UUID survivorId, @NotNull UUID mergedId) {
    }

    private final ContactMerge contacts;
    private final CompanyMerge companies;

    MergeController(ContactMerge contacts, CompanyMerge companies) {
        this.contacts = contacts;
        this.companies = companies;
    }

    @PostMapping("/api/contacts/merge")
    ContactView mergeContacts(@Valid @RequestBody Merge merge) {
        return contacts.merge(merge.survivorId(), merge.mergedId());
    }

    @PostMapping("/api/companies/merge")
    CompanyView mergeCompanies(@Valid @RequestBody Merge merge) {
        return companies.merge(merge.survivorId(), merge.mergedId());
    }
}
