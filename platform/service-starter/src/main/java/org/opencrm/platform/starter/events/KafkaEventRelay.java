package org.opencrm.platform.starter.events;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.events.EventHeaders;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Async;
import org.springframework.transaction.event.TransactionalEventListener;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends committed events from the outbox to Kafka.
 * <p>
 * Spring Modulith's event publication registry keeps one publication per event for this listener: it is
 * written with the business change and marked complete only when this method returns, that is when the
 * broker acknowledged the record (idempotent producer, {@code acks=all}). A failed send marks it failed;
 * one abandoned mid-send (the instance died) is marked failed by Modulith's staleness check after two
 * minutes; {@link OutboxResubmitter} sends failed ones again, and the next start sends what was left.
 * <p>
 * Order: sends run asynchronously, so two events of one aggregate committed within milliseconds of each
 * other, or one sent again after a failure, can reach the topic out of order. Events that carry an
 * aggregate's state therefore carry the change's time or the aggregate's version, and consumers keep the
 * newest (docs/events.md).
 * <p>
 * We send the record ourselves rather than through Modulith's Kafka externalizer because the wire format
 * is CloudEvents binary mode: the attributes as raw UTF-8 {@code ce_*} headers and the event data alone as
 * the value, whereas the externalizer hands headers to spring-kafka's JSON header mapper and serialises the
 * whole payload object. Persistence, completion and resubmission remain Modulith's.
 */
public class KafkaEventRelay {

    private static final Logger log = LoggerFactory.getLogger(KafkaEventRelay.class);

    private final KafkaTemplate<String, byte[]> kafka;
    private final JsonMapper json;
    private final Duration sendTimeout;

    public KafkaEventRelay(KafkaTemplate<String, byte[]> kafka, JsonMapper json, Duration sendTimeout) {
        this.kafka = kafka;
        this.json = json;
        this.sendTimeout = sendTimeout;
    }

    /** The outbox's name for this listener: kept in every publication row, so it must outlive refactoring. */
    public static final String LISTENER_ID = "crm.kafka-relay";

    @Async
    @TransactionalEventListener(id = LISTENER_ID)
    public void on(EventEnvelope event) throws InterruptedException, ExecutionException, TimeoutException {
        ProducerRecord<String, byte[]> record = toRecord(event);
        kafka.send(record).get(sendTimeout.toMillis(), TimeUnit.MILLISECONDS);
        log.debug("Sent {} {} to {}", event.type(), event.id(), record.topic());
    }

    ProducerRecord<String, byte[]> toRecord(EventEnvelope event) {
        var headers = new RecordHeaders();
        header(headers, EventHeaders.ID, event.id().toString());
        header(headers, EventHeaders.SOURCE, event.source());
        header(headers, EventHeaders.TYPE, event.type());
        header(headers, EventHeaders.SPEC_VERSION, EventEnvelope.SPEC_VERSION);
        header(headers, EventHeaders.TIME, DateTimeFormatter.ISO_INSTANT.format(event.time()));
        header(headers, EventHeaders.SUBJECT, event.subject());
        header(headers, EventHeaders.TENANT_ID, event.tenantId().toString());
        header(headers, EventHeaders.ACTOR_ID, event.actorId() == null ? null : event.actorId().toString());
        header(headers, EventHeaders.TRACEPARENT, event.traceparent());
        // the W3C header too, so the consumer's observation continues the producer's trace
        header(headers, "traceparent", event.traceparent());
        header(headers, EventHeaders.CONTENT_TYPE, EventEnvelope.DATA_CONTENT_TYPE);
        byte[] value = json.writeValueAsBytes(event.data());
        return new ProducerRecord<>(event.topic(), null, event.time().toEpochMilli(), event.subject(), value, headers);
    }

    private static void header(RecordHeaders headers, String name, String value) {
        if (value != null) {
            headers.add(name, value.getBytes(StandardCharsets.UTF_8));
        }
    }
}
