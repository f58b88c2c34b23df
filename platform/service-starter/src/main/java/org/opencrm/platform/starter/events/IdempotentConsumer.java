package org.opencrm.platform.starter.events;

import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.events.EventHeaders;
import org.opencrm.platform.starter.security.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Makes at-least-once delivery effectively-once.
 * <p>
 * The handler runs in one transaction with the insert of an inbox row keyed by (consumer, event id); a
 * redelivered event finds the row already there and the handler is not called. If the handler fails, the
 * row rolls back with its effects and the event can be retried.
 * <p>
 * A batch listener hands its whole poll to {@link #handleAll}: consecutive records of one tenant then share one
 * transaction (the per-event transactions join it), so a burst of events costs one commit per poll rather
 * than one per event.
 */
public class IdempotentConsumer {

    private static final Logger log = LoggerFactory.getLogger(IdempotentConsumer.class);

    private static final String INSERT = """
            insert into processed_event (consumer, event_id, event_type, tenant_id)
            values (?, ?, ?, ?)
            on conflict do nothing
            """;

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final MeterRegistry meters;
    private final Runnable afterEach;

    public IdempotentConsumer(JdbcTemplate jdbc, TransactionTemplate transactions, MeterRegistry meters) {
        this(jdbc, transactions, meters, () -> { });
    }

    /**
     * @param afterEach run in the transaction after each handled event: where JPA is used, it flushes and clears
     *                  the persistence context, so that the events of a batch's transaction do not pile their
     *                  entities into one context (every flush would check them all again)
     */
    public IdempotentConsumer(JdbcTemplate jdbc, TransactionTemplate transactions, MeterRegistry meters,
            Runnable afterEach) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.meters = meters;
        this.afterEach = afterEach;
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
            afterEach.run();
            return true;
        }));
        boolean ran = Boolean.TRUE.equals(handled);
        Runnable count = () -> meters.counter("crm.events.consumed", "consumer", consumer, "type", event.type(),
                "outcome", ran ? "handled" : "duplicate").increment();
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            // joined a batch's transaction (handleAll): counted once that commits, not if it is rolled back and
            // the records are handled again one by one
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    count.run();
                }
            });
        } else {
            count.run();
        }
        return ran;
    }

    /**
     * Hands each record of a batch listener's poll to {@code listener} (which reads it and calls
     * {@link #handle}), consecutive records of one tenant in one transaction. If a group fails, its records are
     * handled again one at a time, each in its own transaction, so that only the record at fault is retried
     * and, in the end, dead-lettered: its failure is raised as a {@link BatchListenerFailedException} naming
     * it, and the container commits the records before it.
     */
    public void handleAll(List<ConsumerRecord<String, byte[]>> records,
            Consumer<ConsumerRecord<String, byte[]>> listener) {
        int from = 0;
        while (from < records.size()) {
            UUID tenant = tenantOf(records.get(from));
            int to = from + 1;
            while (to < records.size() && tenant != null && Objects.equals(tenant, tenantOf(records.get(to)))) {
                to++;
            }
            if (to - from == 1 || !together(tenant, records.subList(from, to), listener)) {
                for (int i = from; i < to; i++) {
                    try {
                        listener.accept(records.get(i));
                    } catch (RuntimeException e) {
                        throw new BatchListenerFailedException(e.getMessage(), e, i);
                    }
                }
            }
            from = to;
        }
    }

    private boolean together(UUID tenant, List<ConsumerRecord<String, byte[]>> group,
            Consumer<ConsumerRecord<String, byte[]>> listener) {
        try {
            TenantContext.runAs(tenant, () -> transactions.executeWithoutResult(status -> group.forEach(listener)));
            return true;
        } catch (RuntimeException e) {
            log.debug("A group of {} events failed together; handling them one by one: {}", group.size(), e.toString());
            return false;
        }
    }

    private static UUID tenantOf(ConsumerRecord<String, byte[]> record) {
        Header header = record.headers().lastHeader(EventHeaders.TENANT_ID);
        if (header == null || header.value() == null) {
            return null;
        }
        try {
            return UUID.fromString(new String(header.value(), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
