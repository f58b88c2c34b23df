package org.opencrm.platform.events.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/** An API key was revoked; integrations using it are refused within a minute. */
public record ApiKeyRevoked(UUID apiKeyId, UUID revokedBy, Instant revokedAt) implements DomainEvent {

    public static final String TYPE = "api-key.revoked";

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
        return apiKeyId.toString();
    }
}
