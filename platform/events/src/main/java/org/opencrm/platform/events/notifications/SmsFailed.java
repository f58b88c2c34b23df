package org.opencrm.platform.events.notifications;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * An SMS could not be sent after every retry, or the provider refused it for good.
 */
public record SmsFailed(
        UUID messageId,
        String template,
        String phone,
        UUID userId,
        UUID contactId,
        String reason,
        int attempts,
        Instant failedAt) implements DomainEvent {

    public static final String TYPE = "sms.failed";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.NOTIFICATIONS_NOTIFICATION;
    }

    @Override
    public String aggregateId() {
        return messageId.toString();
    }
}
