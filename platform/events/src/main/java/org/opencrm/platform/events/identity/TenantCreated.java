package org.opencrm.platform.events.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/** A company signed up: a new tenant exists, with its first administrator. */
public record TenantCreated(UUID tenantId, String name, UUID adminUserId, Instant createdAt) implements DomainEvent {

    public static final String TYPE = "tenant.created";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.IDENTITY_TENANT;
    }

    @Override
    public String aggregateId() {
        return tenantId.toString();
    }
}
