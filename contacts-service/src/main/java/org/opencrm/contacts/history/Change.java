package org.opencrm.contacts.history;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * One entry of a card's change history (`002_*` 2.1.13): when, who, and each field's value before and after.
 *
 * @param action   CREATED, UPDATED or DELETED
 * @param recordId the card the change was made to: the card itself, or one that was merged into it
 */
public record Change(long revision, Instant at, UUID actorId, String action, Object recordId, List<FieldChange> fields) {

    /** A field that changed; {@code from} is null for a new card. */
    public record FieldChange(String field, Object from, Object to) {
    }
}
