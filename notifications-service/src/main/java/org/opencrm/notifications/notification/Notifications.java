package org.opencrm.notifications.notification;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencrm.notifications.directory.Person;
import org.opencrm.notifications.directory.Staff;
import org.opencrm.notifications.messaging.Messages;
import org.opencrm.notifications.preference.Choice;
import org.opencrm.notifications.preference.Kinds;
import org.opencrm.notifications.preference.Preferences;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.events.notifications.NotificationCreated;
import org.opencrm.platform.starter.events.EventPublisher;
import org.opencrm.platform.starter.security.CurrentUser;
import org.opencrm.platform.starter.web.NewestFirst;
import org.opencrm.platform.starter.web.NotFoundException;
import org.springframework.data.domain.Limit;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tells users what concerns them through the channels they chose, and serves each user their own notifications.
 * Every in-app notification raises {@code notification.created}, from which every instance pushes it to the
 * user's open connections. Nobody is told of what they did themselves.
 */
@Service
class Notifications {

    /** A notification as the API and the push channel show it. */
    record View(UUID id, String kind, String title, String body, String cardType, UUID cardId, Instant createdAt,
            Instant readAt) {

        static View of(Notification n) {
            return new View(n.id(), n.kind(), n.title(), n.body(), n.cardType(), n.cardId(), n.createdAt(),
                    n.readAt());
        }
    }

    record Page(List<View> items, String nextCursor) {
    }

    record Count(long count) {
    }

    /** What to tell: the wording's key, the values it names, and the card it is about. */
    record News(String kind, String wording, Map<String, String> values, String cardType, UUID cardId) {
    }

    private final NotificationRepository notifications;
    private final EntityManager entityManager;
    private final EventPublisher events;
    private final Preferences preferences;
    private final Staff staff;
    private final Messages messages;
    private final Wording wording;

    Notifications(NotificationRepository notifications, EntityManager entityManager, EventPublisher events,
            Preferences preferences, Staff staff, Messages messages, Wording wording) {
        this.notifications = notifications;
        this.entityManager = entityManager;
        this.events = events;
        this.preferences = preferences;
        this.staff = staff;
        this.messages = messages;
        this.wording = wording;
    }

    /** Tells the user, within the handler's transaction of the event that is the news. */
    @Transactional(propagation = Propagation.MANDATORY)
    /**
     * Where the web app shows the record a notification is about (the bell opens the same places), so that a
     * mailed notification links to it rather than to the CRM's front page.
     */
    static String cardPath(String cardType, UUID cardId) {
        String id = cardId == null ? null : cardId.toString();
        return switch (cardType == null ? "" : cardType) {
            case "CONTACT" -> id == null ? "/contacts" : "/contacts/" + id;
            case "COMPANY" -> id == null ? "/companies" : "/companies/" + id;
            case "LEAD" -> id == null ? "/deals-list" : "/deals-list?lead=" + id;
            case "DEAL" -> id == null ? "/deals-list" : "/deals-list?deal=" + id;
            case "CALL" -> "/calls";
            case "IMPORT" -> "/contacts";
            case "RETURN" -> "/returns";
            default -> "/";
        };
    }

    void tell(EventEnvelope event, UUID userId, News news) {
        if (userId == null || ownDoing(event, userId, news.kind())) {
            return;
        }
        Choice choice = preferences.choiceOf(userId, news.kind());
        Wording.Text text = wording.write(news.wording(), choice.language(), news.values());
        if (choice.inApp()) {
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            var notification = new Notification(userId, news.kind(), text.title(), text.body(), news.cardType(),
                    news.cardId(), event.id(), now);
            entityManager.persist(notification);
            events.publish(new NotificationCreated(notification.id(), userId, news.kind(), text.title(), text.body(),
                    news.cardType(), news.cardId(), event.id(), now));
        }
        Map<String, String> values = new java.util.HashMap<>(news.values());
        values.put("title", text.title());
        values.put("body", text.body() == null ? "" : text.body());
        values.put("link", cardPath(news.cardType(), news.cardId()));
        if (choice.email()) {
            staff.find(userId).filter(Person::active).map(Person::email).ifPresent(email -> messages.email(event.id(),
                    Messages.NOTIFICATION, choice.language(), email, userId, null, values));
        }
        if (choice.sms() && choice.phone() != null) {
            messages.sms(event.id(), "call-missed".equals(news.wording()) ? Messages.CALL_MISSED : Messages.NOTIFICATION,
                    choice.language(), choice.phone(), userId, null, values);
        }
    }

    /** An import's result and calls are news even to whoever started them; anything else a user did is not. */
    private static boolean ownDoing(EventEnvelope event, UUID userId, String kind) {
        return userId.equals(event.actorId()) && !Kinds.IMPORT_FINISHED.equals(kind) && !Kinds.CALL.equals(kind);
    }

    @Transactional(readOnly = true)
    Page mine(boolean unreadOnly, String cursor, int limit) {
        int size = Math.clamp(limit <= 0 ? 30 : limit, 1, 100);
        NewestFirst after = NewestFirst.decode(cursor);
        List<Notification> found = notifications.of(me(), unreadOnly, after.before(), after.beforeId(),
                Limit.of(size + 1));
        String next = null;
        if (found.size() > size) {
            found = found.subList(0, size);
            next = NewestFirst.encode(found.getLast().createdAt(), found.getLast().id());
        }
        return new Page(found.stream().map(View::of).toList(), next);
    }

    @Transactional(readOnly = true)
    Count unread() {
        return new Count(notifications.unread(me()));
    }

    @Transactional
    void read(UUID id) {
        notifications.findById(id).filter(n -> n.userId().equals(me()))
                .orElseThrow(() -> new NotFoundException("Notification", id))
                .read(Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    @Transactional
    void readAll() {
        notifications.readAll(me(), Instant.now().truncatedTo(ChronoUnit.MICROS));
    }

    private static UUID me() {
        return CurrentUser.require().userId();
    }
}
