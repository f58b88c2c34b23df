package org.opencrm.platform.events.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * A user's presence changed: ONLINE, AWAY, DO_NOT_DISTURB, WORKING or OFFLINE; {@code manual} when the
 * user chose it, false when it followed from their activity.
 */
public record UserPresenceChanged(UUID userId, String status, boolean manual, Instant changedAt) implements DomainEvent {

    public static final String TYPE = "user.presence-changed";

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
