package org.opencrm.platform.events.contacts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/** A company's card changed; the whole current state. Keep it only if {@code version} is newer than yours. */
public record CompanyUpdated(
        UUID companyId,
        String name,
        String taxId,
        String industry,
        UUID ownerId,
        List<String> tags,
        List<String> phones,
        List<String> emails,
        Instant updatedAt,
        long version) implements DomainEvent {

    public static final String TYPE = "company.updated";

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
