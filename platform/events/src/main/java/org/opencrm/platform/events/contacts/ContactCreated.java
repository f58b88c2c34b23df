package org.opencrm.platform.events.contacts;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/** A contact (a person) was added to the company's client base. */
public record ContactCreated(
        UUID contactId,
        String firstName,
        String lastName,
        String email,
        String phone,
        UUID ownerId,
        Instant createdAt) implements DomainEvent {

    public static final String TYPE = "contact.created";

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
