package org.opencrm.notifications.push;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.events.EventHeaders;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.identity.UserPresenceChanged;
import org.opencrm.platform.events.notifications.NotificationCreated;
import org.opencrm.platform.events.telephony.CallAnswered;
import org.opencrm.platform.events.telephony.CallEnded;
import org.opencrm.platform.events.telephony.CallMissed;
import org.opencrm.platform.events.telephony.CallRinging;
import org.opencrm.platform.events.telephony.CallerCard;
import org.opencrm.platform.starter.events.IncomingEvents;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Turns events into frames on this instance's push connections. Every feed reads in a consumer group of this
 * instance alone ({@link PushInstance}), from the newest offset: pushing is for what happens while a user is
 * connected, and every instance must see every event to reach the users connected to it. Nothing here touches the
 * database: the screen pop is pushed straight from {@code call.ringing}. A frame that cannot be made is skipped,
 * never retried (the shared consumers dead-letter broken records).
 */
@Component
class PushFeeds {

    private static final Logger log = LoggerFactory.getLogger(PushFeeds.class);
    private static final String LATEST = "auto.offset.reset=latest";
    /**
     * A push feed's offsets only say where this instance's group stands (it starts at the newest anyway), so the
     * client commits them in the background every few seconds instead of the container after every record.
     */
    private static final String BACKGROUND_COMMITS = "enable.auto.commit=true";

    /** The screen pop, only to the user it rings for. */
    record Ringing(String type, UUID callId, String direction, String callerNumber, String calledNumber,
            String extension, List<CallerCard> callers, Instant startedAt) {
    }

    record CallOver(String type, UUID callId) {
    }

    record Presence(String type, UUID userId, String status) {
    }

    record Changed(String type, String entity, String id) {
    }

    record NotificationFrame(String type, Map<String, Object> notification) {
    }

    private final IncomingEvents incoming;
    private final Connections connections;
    private final JsonMapper json;

    PushFeeds(IncomingEvents incoming, Connections connections, JsonMapper json) {
        this.incoming = incoming;
        this.connections = connections;
        this.json = json;
    }

    @KafkaListener(id = "push-calls", groupId = "#{@pushInstance.group('calls')}", topics = Topics.TELEPHONY_CALL,
            properties = {LATEST, BACKGROUND_COMMITS})
    void onCall(ConsumerRecord<String, byte[]> record) {
        read(record).ifPresent(event -> {
            switch (event.data()) {
                case CallRinging call -> connections.toUser(event.tenantId(), call.userId(), frame(new Ringing(
                        CallRinging.TYPE, call.callId(), call.direction(), call.callerNumber(), call.calledNumber(),
                        call.extension(), call.callers() == null ? List.of() : call.callers(), call.startedAt())));
                case CallAnswered call -> connections.toUser(event.tenantId(), call.userId(),
                        frame(new CallOver(CallAnswered.TYPE, call.callId())));
                case CallEnded call -> connections.toUser(event.tenantId(), call.userId(),
                        frame(new CallOver(CallEnded.TYPE, call.callId())));
                case CallMissed call -> connections.toUser(event.tenantId(), call.userId(),
                        frame(new CallOver(CallMissed.TYPE, call.callId())));
                default -> {
                }
            }
        });
    }

    @KafkaListener(id = "push-presence", groupId = "#{@pushInstance.group('presence')}",
            topics = Topics.IDENTITY_USER, properties = {LATEST, BACKGROUND_COMMITS})
    void onPresence(ConsumerRecord<String, byte[]> record) {
        read(record).ifPresent(event -> {
            if (event.data() instanceof UserPresenceChanged presence) {
                connections.toCompany(event.tenantId(),
                        frame(new Presence("presence", presence.userId(), presence.status())));
            }
        });
    }

    @KafkaListener(id = "push-notifications", groupId = "#{@pushInstance.group('notifications')}",
            topics = Topics.NOTIFICATIONS_NOTIFICATION, properties = {LATEST, BACKGROUND_COMMITS})
    void onNotification(ConsumerRecord<String, byte[]> record) {
        read(record).ifPresent(event -> {
            if (event.data() instanceof NotificationCreated created) {
                Map<String, Object> notification = new LinkedHashMap<>();
                notification.put("id", created.notificationId());
                notification.put("kind", created.kind());
                notification.put("title", created.title());
                notification.put("body", created.body());
                notification.put("cardType", created.cardType());
                notification.put("cardId", created.cardId());
                notification.put("createdAt", created.createdAt());
                notification.put("readAt", null);
                connections.toUser(event.tenantId(), created.userId(),
                        frame(new NotificationFrame("notification", notification)));
            }
        });
    }

    /** Record-changed signals, from the headers alone: the type, the subject and the company. */
    @KafkaListener(id = "push-changes", groupId = "#{@pushInstance.group('changes')}", topics = {
            Topics.CONTACTS_CONTACT, Topics.CONTACTS_COMPANY, Topics.DEALS_LEAD, Topics.DEALS_DEAL, Topics.DEALS_ORDER,
            Topics.DEALS_CAMPAIGN, Topics.TASKS_TASK, Topics.TASKS_PROJECT, Topics.TELEPHONY_CALL},
            properties = {LATEST, BACKGROUND_COMMITS})
    void onChange(ConsumerRecord<String, byte[]> record) {
        String type = header(record, EventHeaders.TYPE);
        String subject = header(record, EventHeaders.SUBJECT);
        String tenant = header(record, EventHeaders.TENANT_ID);
        if (type == null || subject == null || tenant == null) {
            return;
        }
        ChangedEntities.of(record.topic(), type).ifPresent(entity -> {
            try {
                connections.toCompany(UUID.fromString(tenant), frame(new Changed("changed", entity, subject)));
            } catch (IllegalArgumentException notAUuid) {
                log.debug("Skipping a change with tenant {}", tenant);
            }
        });
    }

    private Optional<EventEnvelope> read(ConsumerRecord<String, byte[]> record) {
        try {
            return incoming.read(record);
        } catch (RuntimeException e) {
            log.debug("Not pushing record {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    e.getMessage());
            return Optional.empty();
        }
    }

    private String frame(Object frame) {
        return json.writeValueAsString(frame);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
