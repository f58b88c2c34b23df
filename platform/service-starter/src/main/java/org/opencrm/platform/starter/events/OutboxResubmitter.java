package org.opencrm.platform.starter.events;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.modulith.events.CompletedEventPublications;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.ResubmissionOptions;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends again the outbox entries the broker has not confirmed (Kafka was down, a send timed out, or an
 * instance died mid-send), keeps the outbox backlog gauge current and trims completed entries.
 * <p>
 * Every instance of a service runs it; an entry two instances both send arrives twice and the consumers'
 * inbox absorbs the duplicate, so no event stays stuck behind a dead instance.
 */
public class OutboxResubmitter {

    private static final Logger log = LoggerFactory.getLogger(OutboxResubmitter.class);

    private final IncompleteEventPublications incomplete;
    private final CompletedEventPublications completed;
    private final JdbcTemplate jdbc;
    private final CrmEventsProperties.Outbox settings;
    private final AtomicLong pending = new AtomicLong();

    public OutboxResubmitter(IncompleteEventPublications incomplete, CompletedEventPublications completed,
            JdbcTemplate jdbc, CrmEventsProperties properties, MeterRegistry meters) {
        this.incomplete = incomplete;
        this.completed = completed;
        this.jdbc = jdbc;
        this.settings = properties.outbox();
        Gauge.builder("crm.outbox.pending", pending, AtomicLong::get)
                .description("Events committed but not yet confirmed by Kafka")
                .register(meters);
    }

    @Scheduled(fixedDelayString = "${crm.events.outbox.resubmit-interval:10s}",
            initialDelayString = "${crm.events.outbox.resubmit-interval:10s}")
    public void resubmit() {
        Long backlog = jdbc.queryForObject("select count(*) from event_publication where completion_date is null",
                Long.class);
        pending.set(backlog == null ? 0 : backlog);
        if (pending.get() > 0) {
            log.info("Resubmitting unconfirmed events older than {} ({} incomplete)", settings.resubmitAfter(),
                    pending.get());
            incomplete.resubmitIncompletePublications(
                    ResubmissionOptions.defaults().withMinAge(settings.resubmitAfter()).withBatchSize(500));
        }
    }

    @Scheduled(fixedDelayString = "PT1H", initialDelayString = "PT5M")
    public void purgeCompleted() {
        completed.deletePublicationsOlderThan(settings.keepCompleted());
    }
}
