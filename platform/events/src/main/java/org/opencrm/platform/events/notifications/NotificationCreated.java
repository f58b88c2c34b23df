package org.opencrm.platform.events.notifications;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * An in-app notification for one user (a call ringing for them, a mention, an assignment, a deal moved to
 * them, an import finished, a return requested). {@code kind} is the preference key (such as
 * {@code mention}); {@code cardType} and {@code cardId} name the record it is about, when there is one.
 */
public record NotificationCreated(
        UUID notificationId,
        UUID userId,
        String kind,
        String title,
        String body,
        String cardType,
        UUID cardId,
        UUID sourceEventId,
        Instant createdAt) implements DomainEvent {

    public static final String TYPE = "notification.created";

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
        return notificationId.toString();
    }
}
