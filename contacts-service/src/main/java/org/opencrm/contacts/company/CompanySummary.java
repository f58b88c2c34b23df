package org.opencrm.contacts.company;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A row of the company list. */
public record CompanySummary(UUID id, String name, String taxId, String industry, UUID ownerId, String phone,
        String email, List<String> tags, long members, Instant updatedAt) {
}
