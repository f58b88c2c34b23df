package org.opencrm.platform.events.notifications;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * An email was accepted by the SMTP server. {@code template} is what it was (such as {@code invitation});
 * {@code userId} and {@code contactId} name its recipient when it is a user or a contact.
 */
public record EmailSent(
        UUID messageId,
        String template,
        String recipient,
        UUID userId,
        UUID contactId,
        String subject,
        String language,
        int attempts,
        Instant sentAt) implements DomainEvent {

    public static final String TYPE = "email.sent";

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
