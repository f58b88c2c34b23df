package org.opencrm.contacts.contact;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A row of the contact list: what the table shows, read without touching the card's other tables;
 * {@code photoVersion} as in {@link ContactView} (null: no photo, so no thumbnail to fetch).
 */
public record ContactSummary(UUID id, String displayName, ContactKind kind, ContactStatus status, boolean vip,
        UUID ownerId, String email, String phone, List<String> tags, String source, Instant createdAt,
        Instant updatedAt, String photoVersion) {
}
