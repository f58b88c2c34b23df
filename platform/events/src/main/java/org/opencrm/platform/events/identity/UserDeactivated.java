package org.opencrm.platform.events.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/** A user can no longer sign in; their sessions were revoked. Their records stay, owned by them. */
public record UserDeactivated(UUID userId, UUID deactivatedBy, Instant deactivatedAt) implements DomainEvent {

    public static final String TYPE = "user.deactivated";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.IDENTITY_USER;
    }

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
