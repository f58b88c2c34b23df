package org.opencrm.platform.events.contacts;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/** A company was deleted from the client base; its contact persons stay, without it. */
public record CompanyDeleted(UUID companyId, UUID deletedBy, Instant deletedAt) implements DomainEvent {

    public static final String TYPE = "company.deleted";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.CONTACTS_COMPANY;
    }

    @Override
    public String aggregateId() {
        return companyId.toString();
    }
}
