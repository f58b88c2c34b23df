package org.opencrm.platform.events.notifications;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * An email could not be sent after every retry ({@code attempts}), or was refused for good; {@code reason}
 * says why, without the server's secrets.
 */
public record EmailFailed(
        UUID messageId,
        String template,
        String recipient,
        UUID userId,
        UUID contactId,
        String subject,
        String reason,
        int attempts,
        Instant failedAt) implements DomainEvent {

    public static final String TYPE = "email.failed";

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
