package org.opencrm.platform.starter.events;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the event pipeline.
 *
 * @param partitions        partitions of each declared topic and its dead-letter topic
 * @param replicationFactor replicas of each declared topic (1 for a single local broker)
 * @param sendTimeout       how long the relay waits for the broker's acknowledgement of one event
 * @param outbox            resubmission of events the broker has not confirmed
 * @param consumer          retries of a failing event handler before the record is dead-lettered
 */
@ConfigurationProperties("crm.events")
public record CrmEventsProperties(
        @DefaultValue("3") int partitions,
        @DefaultValue("1") short replicationFactor,
        @DefaultValue("15s") Duration sendTimeout,
        @DefaultValue Outbox outbox,
        @DefaultValue Consumer consumer) {

    /**
     * @param resubmitInterval how often unconfirmed publications are looked for
     * @param resubmitAfter    how old an unconfirmed publication must be before it is sent again
     * @param keepCompleted    how long completed publications are kept before they are deleted
     * @param vacuumInterval   how often, where PostgreSQL's autovacuum is off, the service vacuums its outbox
     *                         and vacuums or analyses its tables that need it ({@link TableMaintenance})
     */
    public record Outbox(
            @DefaultValue("10s") Duration resubmitInterval,
            @DefaultValue("30s") Duration resubmitAfter,
            @DefaultValue("7d") Duration keepCompleted,
            @DefaultValue("30s") Duration vacuumInterval) {
    }

    /**
     * @param retries        further attempts after the first failure
     * @param initialBackoff the wait before the first retry, doubled for each next one
     * @param maxBackoff     the longest wait between attempts
     */
    public record Consumer(
            @DefaultValue("3") int retries,
            @DefaultValue("500ms") Duration initialBackoff,
            @DefaultValue("10s") Duration maxBackoff) {
    }
}
