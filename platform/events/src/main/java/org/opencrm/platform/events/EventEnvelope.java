package org.opencrm.platform.events;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * An event with its CloudEvents attributes and the CRM's extensions ({@code tenantid}, {@code actorid},
 * {@code traceparent}).
 * <p>
 * On Kafka the attributes travel as {@code ce_*} headers (CloudEvents binary mode) and the value is the
 * {@link #data()} as JSON. The id is fixed when the event is raised, so a re-sent event keeps its id and
 * consumers can recognise it.
 */
public record EventEnvelope(
        @JsonProperty("id") UUID id,
        @JsonProperty("source") String source,
        @JsonProperty("type") String type,
        @JsonProperty("time") Instant time,
        @JsonProperty("subject") String subject,
        @JsonProperty("tenantid") UUID tenantId,
        @JsonProperty("actorid") UUID actorId,
        @JsonProperty("traceparent") String traceparent,
        @JsonProperty("data")
        @JsonTypeInfo(use = JsonTypeInfo.Id.NAME, include = JsonTypeInfo.As.WRAPPER_OBJECT)
        DomainEvent data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(time, "time");
        Objects.requireNonNull(tenantId, "tenantid");
        Objects.requireNonNull(data, "data");
    }

    /** Wraps an event raised now by {@code source} on behalf of {@code actorId} in {@code tenantId}. */
    public static EventEnvelope wrap(DomainEvent data, String source, UUID tenantId, UUID actorId, String traceparent) {
        return new EventEnvelope(UUID.randomUUID(), source, data.eventType(), Instant.now(), data.aggregateId(),
                tenantId, actorId, traceparent, data);
    }

    /** The topic the event goes to. */
    public String topic() {
        return data.topic();
    }

    /** The event data as the given type, for a consumer that knows what it subscribed to. */
    public <T extends DomainEvent> T dataAs(Class<T> type) {
        return type.cast(data);
    }
}
