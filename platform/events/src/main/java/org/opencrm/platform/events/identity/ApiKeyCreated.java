package org.opencrm.platform.events.identity;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/** An administrator created an API key for an integration (the secret itself never leaves identity). */
public record ApiKeyCreated(UUID apiKeyId, String name, String prefix, List<String> scopes, UUID createdBy,
        Instant createdAt) implements DomainEvent {

    public static final String TYPE = "api-key.created";

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
