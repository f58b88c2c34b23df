package org.opencrm.platform.starter.events;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.core.EventPublicationRepository;
import org.springframework.modulith.events.core.PublicationTargetIdentifier;
import org.springframework.modulith.events.core.TargetEventPublication;

/**
 * The outbox's publication registry with the state changes of sent events written in groups: one
 * transaction, so one commit and one WAL flush, for all the publications marked processing, completed or failed
 * while the previous group was being written, instead of two commits per event.
 * <p>
 * Modulith marks a publication processing before {@link KafkaEventRelay} sends it and completed once the
 * broker has acknowledged it, each a commit of its own: an import's million {@code contact.created} events
 * were announced at 300 to 1,000 per second, the database waiting on WAL syncs. Here those marks queue up
 * and one writer thread applies them in order; at low load a group is a single mark, written at once, and
 * under load groups grow by themselves (nothing waits for a timer).
 * <p>
 * What this gives up: a mark still queued when the process dies is not written, so its publication stays
 * incomplete and the event is sent again (at the next start, or by {@link OutboxResubmitter} once it is
 * stale). That is a duplicate, never a loss, and consumers already discard duplicates
 * ({@link IdempotentConsumer}). On shutdown the queue is written out, and marks that come after that are
 * written one by one. Everything else (creating publications with the business change, reading, deleting)
 * goes to Modulith's repository unchanged, except that new publications are inserted in one batch per
 * transaction ({@link BatchedPublicationInserts}).
 */
public class GroupCommittingPublications implements EventPublicationRepository, DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(GroupCommittingPublications.class);

    /** The most marks one transaction writes. */
    static final int MAX_GROUP = 1_000;

    private enum State { PROCESSING, COMPLETED, FAILED }

    private record Mark(UUID id, State state, Instant completedAt) {
    }

    private final EventPublicationRepository delegate;
    private final Consumer<Runnable> inOneTransaction;
    private final BlockingQueue<Mark> queue = new LinkedBlockingQueue<>();
    private final Thread writer;
    private volatile boolean closed;
    private final BatchedPublicationInserts inserts;

    /**
     * @param delegate Modulith's repository
     * @param inOneTransaction runs the given work in one transaction of the service's database
     */
    public GroupCommittingPublications(EventPublicationRepository delegate, Consumer<Runnable> inOneTransaction) {
        this(delegate, inOneTransaction, null);
    }

    /**
     * @param inserts writes each transaction's new publications in one batch before it commits; null to let
     *                Modulith insert each as it is made
     */
    GroupCommittingPublications(EventPublicationRepository delegate, Consumer<Runnable> inOneTransaction,
            BatchedPublicationInserts inserts) {
        this.delegate = delegate;
        this.inOneTransaction = inOneTransaction;
        this.inserts = inserts;
        this.writer = Thread.ofPlatform().daemon().name("outbox-marks").start(this::writeGroups);
    }

    @Override
    public void markProcessing(UUID identifier) {
        mark(new Mark(identifier, State.PROCESSING, null));
    }

    @Override
    public void markCompleted(UUID identifier, Instant completionDate) {
        mark(new Mark(identifier, State.COMPLETED, completionDate));
    }

    /** In the same queue, so that a processing mark still queued cannot overwrite it. */
    @Override
    public void markFailed(UUID identifier) {
        mark(new Mark(identifier, State.FAILED, null));
    }

    private void mark(Mark mark) {
        if (closed) {
            write(List.of(mark));
        } else {
            queue.add(mark);
        }
    }

    private void writeGroups() {
        List<Mark> group = new ArrayList<>();
        while (!closed || !queue.isEmpty()) {
            try {
                Mark first = queue.poll(200, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, MAX_GROUP - 1);
                write(group);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                // the database is away: these events stay incomplete and are sent again, which consumers tolerate
                log.warn("Could not record {} outbox publications as sent; they will be sent again", group.size(), e);
            } finally {
                group.clear();
            }
        }
    }

    /** Applies the marks in their order; a publication concluded in the same group is not marked processing first. */
    private void write(List<Mark> group) {
        Set<UUID> concluded = new HashSet<>();
        for (Mark mark : group) {
            if (mark.state() != State.PROCESSING) {
                concluded.add(mark.id());
            }
        }
        inOneTransaction.accept(() -> {
            for (Mark mark : group) {
                switch (mark.state()) {
                    case PROCESSING -> {
                        if (!concluded.contains(mark.id())) {
                            delegate.markProcessing(mark.id());
                        }
                    }
                    case COMPLETED -> delegate.markCompleted(mark.id(), mark.completedAt());
                    case FAILED -> delegate.markFailed(mark.id());
                }
            }
        });
    }

    /** Writes what is queued; marks that come later are written as they come. */
    @Override
    public void destroy() throws InterruptedException {
        closed = true;
        writer.join(TimeUnit.SECONDS.toMillis(10));
        if (writer.isAlive()) {
            log.warn("{} outbox publications not recorded as sent at shutdown; they will be sent again", queue.size());
        }
    }

    @Override
    public TargetEventPublication create(TargetEventPublication publication) {
        return inserts != null && inserts.offer(publication) ? publication : delegate.create(publication);
    }

    // everything else is Modulith's, unchanged

    @Override
    public void markCompleted(TargetEventPublication publication, Instant completionDate) {
        markCompleted(publication.getIdentifier(), completionDate);
    }

    @Override
    public void markCompleted(Object event, PublicationTargetIdentifier identifier, Instant completionDate) {
        delegate.markCompleted(event, identifier, completionDate);
    }

    @Override
    public boolean markResubmitted(UUID identifier, Instant resubmissionDate) {
        return delegate.markResubmitted(identifier, resubmissionDate);
    }

    @Override
    public List<TargetEventPublication> findIncompletePublications() {
        return delegate.findIncompletePublications();
    }

    @Override
    public List<TargetEventPublication> findIncompletePublicationsPublishedBefore(Instant instant) {
        return delegate.findIncompletePublicationsPublishedBefore(instant);
    }

    @Override
    public Optional<TargetEventPublication> findIncompletePublicationsByEventAndTargetIdentifier(Object event,
            PublicationTargetIdentifier targetIdentifier) {
        return delegate.findIncompletePublicationsByEventAndTargetIdentifier(event, targetIdentifier);
    }

    @Override
    public List<TargetEventPublication> findCompletedPublications() {
        return delegate.findCompletedPublications();
    }

    @Override
    public void deletePublications(List<UUID> identifiers) {
        delegate.deletePublications(identifiers);
    }

    @Override
    public void deleteCompletedPublications() {
        delegate.deleteCompletedPublications();
    }

    @Override
    public void deleteCompletedPublicationsBefore(Instant instant) {
        delegate.deleteCompletedPublicationsBefore(instant);
    }

    @Override
    public List<TargetEventPublication> findFailedPublications(FailedCriteria criteria) {
        return delegate.findFailedPublications(criteria);
    }

    @Override
    public List<TargetEventPublication> findByStatus(EventPublication.Status status) {
        return delegate.findByStatus(status);
    }

    @Override
    public int countByStatus(EventPublication.Status status) {
        return delegate.countByStatus(status);
    }
}
