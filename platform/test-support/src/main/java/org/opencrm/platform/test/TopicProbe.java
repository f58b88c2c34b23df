package org.opencrm.platform.test;

import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.events.EventHeaders;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a topic of the test broker from the beginning, as an outside observer, and writes raw records to
 * it, as another service (or a broken producer) would.
 */
public final class TopicProbe implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final KafkaConsumer<String, byte[]> consumer;
    private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();

    private TopicProbe(String topic) {
        consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.get().bootstrapServers(),
                ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false"),
                new StringDeserializer(), new ByteArrayDeserializer());
        consumer.subscribe(List.of(topic));
    }

    /** Starts reading the topic (created if it does not exist yet) from its first record. */
    public static TopicProbe on(String topic) {
        return new TopicProbe(topic);
    }

    /** Waits until a record matching the condition has been read, and returns it. */
    public ConsumerRecord<String, byte[]> awaitRecord(Predicate<ConsumerRecord<String, byte[]>> condition) {
        return await().until(() -> {
            poll();
            return seen.stream().filter(condition).findFirst().orElse(null);
        }, record -> record != null);
    }

    /** Every record read so far that matches the condition, after reading what is there now. */
    public List<ConsumerRecord<String, byte[]>> records(Predicate<ConsumerRecord<String, byte[]>> condition) {
        poll();
        return seen.stream().filter(condition).toList();
    }

    private void poll() {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
    }

    /** A header's value as text, or null. */
    public static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    /**
     * Publishes an event as another service would: CloudEvents binary mode, the aggregate id as key, the
     * record's JSON as value. Returns the event id.
     */
    public static UUID publish(DomainEvent event, UUID tenantId, UUID actorId) {
        return publish(event, tenantId, actorId, UUID.randomUUID());
    }

    /** As {@link #publish(DomainEvent, UUID, UUID)} with the event id given: the same id twice is a redelivery. */
    public static UUID publish(DomainEvent event, UUID tenantId, UUID actorId, UUID id) {
        send(record(event, tenantId, actorId, id));
        return id;
    }

    /** The record {@link #publish} sends, to send several at once with {@link #sendAll}. */
    public static ProducerRecord<String, byte[]> record(DomainEvent event, UUID tenantId, UUID actorId, UUID id) {
        var headers = new RecordHeaders();
        add(headers, EventHeaders.ID, id.toString());
        add(headers, EventHeaders.SOURCE, "test");
        add(headers, EventHeaders.TYPE, event.eventType());
        add(headers, EventHeaders.SPEC_VERSION, EventEnvelope.SPEC_VERSION);
        add(headers, EventHeaders.TIME, Instant.now().toString());
        add(headers, EventHeaders.SUBJECT, event.aggregateId());
        add(headers, EventHeaders.TENANT_ID, tenantId.toString());
        if (actorId != null) {
            add(headers, EventHeaders.ACTOR_ID, actorId.toString());
        }
        add(headers, EventHeaders.CONTENT_TYPE, EventEnvelope.DATA_CONTENT_TYPE);
        return new ProducerRecord<>(event.topic(), null, event.aggregateId(), JSON.writeValueAsBytes(event), headers);
    }

    private static void add(RecordHeaders headers, String name, String value) {
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Sends a raw record and waits for the broker's acknowledgement. */
    public static void send(ProducerRecord<String, byte[]> record) {
        sendAll(List.of(record));
    }

    /**
     * Sends the records in one go (one producer batch per partition, so that a consumer is likely to get them
     * in one poll) and waits for the broker's acknowledgement of each.
     */
    public static void sendAll(List<ProducerRecord<String, byte[]>> records) {
        try (var producer = new KafkaProducer<>(Map.<String, Object>of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, TestKafka.get().bootstrapServers(),
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.LINGER_MS_CONFIG, 50),
                new StringSerializer(), new ByteArraySerializer())) {
            var sent = records.stream().map(producer::send).toList();
            producer.flush();
            for (var ack : sent) {
                ack.get();
            }
        } catch (Exception e) {
            throw new IllegalStateException("Cannot send test records to " + records.getFirst().topic(), e);
        }
    }


    @Override
    public void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
