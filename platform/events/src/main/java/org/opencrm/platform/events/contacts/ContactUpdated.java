package org.opencrm.platform.events.contacts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * A contact's card changed; the record carries its whole current state. A consumer keeps it only if
 * {@code version} is newer than the copy it holds (events of one contact may arrive out of order).
 * {@code photoVersion} (added later, so absent from older events) names the card's photo, null for none.
 */
public record ContactUpdated(
        UUID contactId,
        String kind,
        String firstName,
        String middleName,
        String lastName,
        String email,
        String phone,
        List<String> phones,
        List<String> emails,
        UUID ownerId,
        String status,
        boolean vip,
        List<String> tags,
        Instant updatedAt,
        long version,
        String photoVersion) implements DomainEvent {

    public static final String TYPE = "contact.updated";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.CONTACTS_CONTACT;
    }

    @Override
    public String aggregateId() {
        return contactId.toString();
    }
}
