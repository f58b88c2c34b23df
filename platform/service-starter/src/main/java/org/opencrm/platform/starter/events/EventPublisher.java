package org.opencrm.platform.starter.events;

import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.starter.security.CrmUser;
import org.opencrm.platform.starter.security.CurrentUser;
import org.opencrm.platform.starter.security.TenantContext;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises integration events inside the transaction that changes the state they describe.
 * <p>
 * The event is stored in the outbox (Spring Modulith's event publication registry) in the same
 * transaction; {@link KafkaEventRelay} sends it after the commit. Calling it outside a transaction is an
 * error, because the event could then be lost or sent for a change that never committed.
 */
public class EventPublisher {

    private final ApplicationEventPublisher events;
    private final ObjectProvider<Tracer> tracer;
    private final String source;
    private volatile Tracer resolvedTracer;
    private volatile boolean tracerLookedUp;

    public EventPublisher(ApplicationEventPublisher events, ObjectProvider<Tracer> tracer, String source) {
        this.events = events;
        this.tracer = tracer;
        this.source = source;
    }

    /** Records the event for the current tenant, on behalf of the current user (if any). */
    @Transactional(propagation = Propagation.MANDATORY)
    public EventEnvelope publish(DomainEvent event) {
        UUID tenantId = TenantContext.require();
        UUID actorId = CurrentUser.find().map(CrmUser::userId).orElse(null);
        EventEnvelope envelope = EventEnvelope.wrap(event, source, tenantId, actorId, traceparent());
        events.publishEvent(envelope);
        return envelope;
    }

    private String traceparent() {
        // looked up once: resolving the bean on every event took a tenth of a shop batch's time
        Tracer current = resolvedTracer;
        if (current == null && !tracerLookedUp) {
            current = resolvedTracer = tracer.getIfAvailable();
            tracerLookedUp = true;
        }
        Span span = current == null ? null : current.currentSpan();
        if (span == null) {
            return null;
        }
        var context = span.context();
        return "00-" + context.traceId() + "-" + context.spanId() + (Boolean.TRUE.equals(context.sampled()) ? "-01" : "-00");
    }
}
