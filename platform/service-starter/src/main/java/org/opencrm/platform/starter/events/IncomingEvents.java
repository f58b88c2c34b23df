package org.opencrm.platform.starter.events;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.events.EventHeaders;
import org.opencrm.platform.events.EventTypes;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.json.JsonMapper;

/** Reads Kafka records in CloudEvents binary mode back into {@link EventEnvelope}s. */
public class IncomingEvents {

    private static final Logger log = LoggerFactory.getLogger(IncomingEvents.class);

    private final JsonMapper json;

    public IncomingEvents(JsonMapper json) {
        this.json = json;
    }

    /**
     * The event in the record, or empty for an event type this service does not know (a newer producer's
     * type is skipped, not dead-lettered: the published language grows additively).
     *
     * @throws MalformedEventException when the record lacks the CloudEvents attributes or is not JSON
     */
    public Optional<EventEnvelope> read(ConsumerRecord<String, byte[]> record) {
        String type = required(record, EventHeaders.TYPE);
        UUID id = uuid(record, EventHeaders.ID, required(record, EventHeaders.ID));
        UUID tenantId = uuid(record, EventHeaders.TENANT_ID, required(record, EventHeaders.TENANT_ID));
        String source = required(record, EventHeaders.SOURCE);
        String actor = header(record, EventHeaders.ACTOR_ID);
        Instant time = time(record);
        if (record.value() == null) {
            throw new MalformedEventException("Event " + id + " has no data");
        }
        Optional<Class<? extends DomainEvent>> dataType = EventTypes.classOf(type);
        if (dataType.isEmpty()) {
            log.debug("Skipping event {} of unknown type {} on {}", id, type, record.topic());
            return Optional.empty();
        }
        DomainEvent data;
        try {
            // straight into the record: a tree first cost a second pass over every event
            data = json.readValue(record.value(), dataType.get());
        } catch (StreamReadException e) {
            throw new MalformedEventException("Event " + id + " data is not JSON", e);
        }
        // a data mismatch (missing or ill-typed fields, DatabindException) is retried, then dead-lettered
        return Optional.of(new EventEnvelope(id, source, type, time, header(record, EventHeaders.SUBJECT), tenantId,
                actor == null ? null : uuid(record, EventHeaders.ACTOR_ID, actor),
                header(record, EventHeaders.TRACEPARENT), data));
    }

    /**
     * As {@link #read(ConsumerRecord)}, for a consumer that handles only the given event types: a record of any
     * other type is passed over from its type header, without its data being read (a topic carries many types,
     * and most consumers want a few of them).
     */
    public Optional<EventEnvelope> read(ConsumerRecord<String, byte[]> record, Set<String> types) {
        if (!types.contains(required(record, EventHeaders.TYPE))) {
            return Optional.empty();
        }
        return read(record);
    }

    private static Instant time(ConsumerRecord<String, byte[]> record) {
        String time = header(record, EventHeaders.TIME);
        if (time == null) {
            return Instant.ofEpochMilli(record.timestamp());
        }
        try {
            return Instant.parse(time);
        } catch (DateTimeParseException e) {
            throw new MalformedEventException("Header " + EventHeaders.TIME + " is not an RFC 3339 time: " + time, e);
        }
    }

    private static String required(ConsumerRecord<String, byte[]> record, String name) {
        String value = header(record, name);
        if (value == null || value.isBlank()) {
            throw new MalformedEventException("Record " + record.topic() + "-" + record.partition() + "@"
                    + record.offset() + " has no " + name + " header");
        }
        return value;
    }

    private static UUID uuid(ConsumerRecord<String, byte[]> record, String name, String value) {
        try {
            return UUID.fromString(value);
        } catch (IllegalArgumentException e) {
            throw new MalformedEventException("Header " + name + " of " + record.topic() + "@" + record.offset()
                    + " is not a UUID", e);
        }
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
