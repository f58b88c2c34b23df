package org.opencrm.platform.starter.events;

import io.micrometer.core.instrument.MeterRegistry;
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
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;

/**
 * The one error-handling setup of every consumer: retries with exponential back-off, then the record goes
 * to {@code <topic>.dlt} with the failure in its headers, counted in {@code crm.events.dead.letter}; records
 * that cannot be read at all skip the retries. The consumer then carries on with the next record.
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

    private static Throwable rootCause(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return cause;
    }
}
