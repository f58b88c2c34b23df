package org.opencrm.platform.starter.events;

import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.events.core.TargetEventPublication;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Writes a transaction's outbox publications with one JDBC batch just before it commits, instead of one
 * INSERT round trip per event as each is published: the rows are the ones Modulith's JDBC repository (schema
 * v2, {@code db/platform/V0_1}) writes, in the same transaction, so what commits is unchanged.
 * <p>
 * Announcing an import's million cards spent most of its time waiting on those round trips (a thousand per
 * chunk); a shop batch of orders did the same. A publication made while the transaction is already
 * committing (after its batch was written), or outside any transaction, is written at once as before.
 */
final class BatchedPublicationInserts {

    private static final String INSERT = """
            insert into event_publication (id, event_type, listener_id, publication_date, serialized_event, status,
                completion_attempts, last_resubmission_date) values (?, ?, ?, ?, ?, ?, ?, ?)""";

    private final JdbcTemplate jdbc;
    private final EventSerializer serializer;
    /**
     * Each open transaction's batch on this thread, by the transaction's connection holder: a transaction of
     * its own (REQUIRES_NEW) inside another has its own holder, so it keeps its own batch. Looked up this way
     * rather than among the transaction's synchronizations, which Spring copies and sorts on every call:
     * with one synchronization per event, a batch of orders spent a tenth of its time sorting them.
     */
    private final ThreadLocal<Map<Object, Pending>> batches = ThreadLocal.withInitial(IdentityHashMap::new);

    BatchedPublicationInserts(JdbcTemplate jdbc, EventSerializer serializer) {
        this.jdbc = jdbc;
        this.serializer = serializer;
    }

    /** Takes the publication for the current transaction's batch; false if it must be written now. */
    boolean offer(TargetEventPublication publication) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()
                || TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
            return false;
        }
        Object transaction = TransactionSynchronizationManager.getResource(jdbc.getDataSource());
        if (transaction == null) {
            return false;
        }
        Pending pending = batches.get().get(transaction);
        if (pending == null) {
            pending = new Pending(this, transaction);
            batches.get().put(transaction, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        if (pending.written) {
            return false;
        }
        pending.publications.add(publication);
        return true;
    }

    private void write(List<TargetEventPublication> publications) {
        jdbc.batchUpdate(INSERT, publications, 500, (statement, publication) -> {
            statement.setObject(1, publication.getIdentifier());
            statement.setString(2, publication.getEvent().getClass().getName());
            statement.setString(3, publication.getTargetIdentifier().getValue());
            statement.setTimestamp(4, Timestamp.from(publication.getPublicationDate()));
            statement.setString(5, serializer.serialize(publication.getEvent()).toString());
            statement.setString(6, publication.getStatus().name());
            statement.setInt(7, publication.getCompletionAttempts());
            statement.setTimestamp(8, publication.getLastResubmissionDate() == null ? null
                    : Timestamp.from(publication.getLastResubmissionDate()));
        });
    }

    /** One transaction's publications, written before anything else of its commit. */
    private static final class Pending implements TransactionSynchronization {

        private final BatchedPublicationInserts owner;
        private final Object transaction;
        private final List<TargetEventPublication> publications = new ArrayList<>();
        private boolean written;

        Pending(BatchedPublicationInserts owner, Object transaction) {
            this.owner = owner;
            this.transaction = transaction;
        }

        @Override
        public void afterCompletion(int status) {
            owner.batches.get().remove(transaction);
        }

        @Override
        public int getOrder() {
            return Ordered.HIGHEST_PRECEDENCE;
        }

        @Override
        public void beforeCommit(boolean readOnly) {
            written = true;
            if (!publications.isEmpty()) {
                owner.write(publications);
            }
        }
    }
}
