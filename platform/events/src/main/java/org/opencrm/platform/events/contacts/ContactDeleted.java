package org.opencrm.platform.events.contacts;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/** A contact was deleted from the client base; its history is kept, but nobody works with it any more. */
public record ContactDeleted(UUID contactId, UUID deletedBy, Instant deletedAt) implements DomainEvent {

    public static final String TYPE = "contact.deleted";

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
