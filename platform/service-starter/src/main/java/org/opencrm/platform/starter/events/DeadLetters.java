package org.opencrm.platform.starter.events;

import io.micrometer.core.instrument.MeterRegistry;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.opencrm.platform.events.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.RetryListener;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.util.backoff.BackOff;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * The one error-handling setup of every consumer: retries with exponential back-off, then the record goes
 * to {@code <topic>.dlt} with the failure in its headers, counted in {@code crm.events.dead.letter}; records
 * that cannot be read at all skip the retries. The consumer then carries on with the next record.
 * <p>
 * A failure of the infrastructure rather than of the record (the database is down or refuses connections,
 * a lock or serialization conflict) is retried without limit: dead-lettering would move every record that
 * arrives during a database outage aside, where nobody is waiting for them. The partition waits instead,
 * and carries on where it stopped once the database answers.
 */
public final class DeadLetters {

    private static final Logger log = LoggerFactory.getLogger(DeadLetters.class);

    private DeadLetters() {
    }

    public static DefaultErrorHandler errorHandler(KafkaTemplate<String, byte[]> kafka, MeterRegistry meters,
            CrmEventsProperties.Consumer settings) {
        var publisher = new DeadLetterPublishingRecoverer(kafka,
                (record, failure) -> new TopicPartition(Topics.deadLetter(record.topic()), -1));
        ConsumerRecordRecoverer recoverer = (record, failure) -> {
            Throwable cause = rootCause(failure);
            log.error("Dead-lettering {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
                    cause.toString());
            publisher.accept(record, failure);
            meters.counter("crm.events.dead.letter", "topic", record.topic(), "exception",
                    cause.getClass().getSimpleName()).increment();
        };
        var backOff = new ExponentialBackOffWithMaxRetries(settings.retries());
        backOff.setInitialInterval(settings.initialBackoff().toMillis());
        backOff.setMultiplier(2.0);
        backOff.setMaxInterval(settings.maxBackoff().toMillis());
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.setBackOffFunction((record, failure) -> isTransient(failure) ? untilItWorks(settings) : null);
        handler.addNotRetryableExceptions(MalformedEventException.class);
        handler.setRetryListeners(new RetryListener() {
            @Override
            public void failedDelivery(ConsumerRecord<?, ?> record, Exception failure, int deliveryAttempt) {
                meters.counter("crm.events.consumer.failures", "topic", record.topic(), "exception",
                        rootCause(failure).getClass().getSimpleName()).increment();
            }
        });
        return handler;
    }

    /** Failures that say nothing about the record: the same record will succeed once the database is back. */
    public static boolean isTransient(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof TransientDataAccessException || cause instanceof DataAccessResourceFailureException
                    || cause instanceof CannotCreateTransactionException || cause instanceof SQLTransientException
                    || cause instanceof SQLRecoverableException) {
                return true;
            }
        }
        return false;
    }

    private static BackOff untilItWorks(CrmEventsProperties.Consumer settings) {
        var backOff = new ExponentialBackOff(settings.initialBackoff().toMillis(), 2.0);
        backOff.setMaxInterval(settings.maxBackoff().toMillis());
        return backOff;
    }

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
