package org.opencrm.platform.starter.events;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.function.Consumer;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.starter.security.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes at-least-once delivery effectively-once.
 * <p>
 * The handler runs in one transaction with the insert of an inbox row keyed by (consumer, event id); a
 * redelivered event finds the row already there and the handler is not called. If the handler fails, the
 * row rolls back with its effects and the event can be retried.
 */
public class IdempotentConsumer {

    private static final String INSERT = """
            insert into processed_event (consumer, event_id, event_type, tenant_id)
            values (?, ?, ?, ?)
            on conflict do nothing
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;

    public IdempotentConsumer(JdbcTemplate jdbc, TransactionTemplate transactions, MeterRegistry meters) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.meters = meters;
    }

    /**
     * Runs the handler once per event for this consumer, as the event's tenant.
     *
     * @param consumer a stable name of the effect, e.g. {@code contact-counter}
     * @return whether the handler ran (false for a duplicate)
     */
    public boolean handle(String consumer, EventEnvelope event, Consumer<EventEnvelope> handler) {
        // the tenant is set before the transaction opens: Hibernate binds it to the session at that point
        Boolean handled = TenantContext.callAs(event.tenantId(), () -> transactions.execute(status -> {
            int inserted = jdbc.update(INSERT, consumer, event.id(), event.type(), event.tenantId());
            if (inserted == 0) {
                return false;
            }
            handler.accept(event);
            return true;
        }));
        boolean ran = Boolean.TRUE.equals(handled);
        meters.counter("crm.events.consumed", "consumer", consumer, "type", event.type(),
                "outcome", ran ? "handled" : "duplicate").increment();
        return ran;
    }
}
