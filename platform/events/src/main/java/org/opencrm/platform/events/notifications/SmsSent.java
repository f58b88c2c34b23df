package org.opencrm.platform.events.notifications;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * An SMS was accepted by the provider ({@code providerMessageId} is its own id). {@code phone} is E.164.
 */
public record SmsSent(
        UUID messageId,
        String template,
        String phone,
        UUID userId,
        UUID contactId,
        String providerMessageId,
        int attempts,
        Instant sentAt) implements DomainEvent {

    public static final String TYPE = "sms.sent";

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
