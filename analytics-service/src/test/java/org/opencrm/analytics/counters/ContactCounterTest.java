package org.opencrm.analytics.counters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.events.EventHeaders;
import org.opencrm.platform.events.GoldenSamples;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.contacts.ContactCreated;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TestTokens;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@CrmIntegrationTest
class ContactCounterTest {

    @LocalServerPort
    int port;

    @Autowired
    MeterRegistry meters;

    @Test
    void countsEachCreatedContactOfTheTenant() {
        UUID tenant = UUID.randomUUID();
        send(contactCreated(UUID.randomUUID(), tenant));
        send(contactCreated(UUID.randomUUID(), tenant));

        await().until(() -> contactsOf(tenant) == 2);
    }

    @Test
    void theSameEventDeliveredTwiceIsCountedOnce() {
        UUID tenant = UUID.randomUUID();
        var event = contactCreated(UUID.randomUUID(), tenant);
        double duplicatesBefore = consumed("duplicate");

        send(event);
        send(event);

        await().until(() -> consumed("duplicate") > duplicatesBefore);
        assertThat(contactsOf(tenant)).isEqualTo(1);
    }

    @Test
    void anUnprocessableEventIsRetriedThenDeadLetteredAndTheNextOneIsStillCounted() {
        UUID tenant = UUID.randomUUID();
        UUID poisonId = UUID.randomUUID();
        double deadBefore = deadLetters();
        double failuresBefore = failures();
        try (var deadLetterTopic = TopicProbe.on(Topics.deadLetter(Topics.CONTACTS_CONTACT))) {
            // the headers are fine, but the data does not fit contact.created: contactId is not a UUID
            send(record(poisonId, tenant, "{\"contactId\":\"not-a-uuid\",\"firstName\":\"Broken\"}"));
            send(contactCreated(UUID.randomUUID(), tenant));

            var dead = deadLetterTopic.awaitRecord(r -> poisonId.toString().equals(TopicProbe.header(r, EventHeaders.ID)));
            assertThat(new String(dead.value(), StandardCharsets.UTF_8)).contains("not-a-uuid");
            assertThat(TopicProbe.header(dead, "kafka_dlt-exception-fqcn")).isNotBlank();
        }
        await().until(() -> contactsOf(tenant) == 1);
        assertThat(deadLetters() - deadBefore).isEqualTo(1);
        assertThat(failures() - failuresBefore).as("first attempt and three retries").isEqualTo(4);
    }

    @Test
    void aRecordThatIsNotACloudEventGoesToTheDeadLetterTopicWithoutRetries() {
        UUID tenant = UUID.randomUUID();
        String marker = "garbage-" + UUID.randomUUID();
        double failuresBefore = failures();
        double deadBefore = deadLetters();
        try (var deadLetterTopic = TopicProbe.on(Topics.deadLetter(Topics.CONTACTS_CONTACT))) {
            TopicProbe.send(new ProducerRecord<>(Topics.CONTACTS_CONTACT, marker, marker.getBytes(StandardCharsets.UTF_8)));
            send(contactCreated(UUID.randomUUID(), tenant));

            deadLetterTopic.awaitRecord(r -> marker.equals(r.key()));
        }
        await().until(() -> contactsOf(tenant) == 1);
        assertThat(failures() - failuresBefore).as("no retries").isEqualTo(1);
        assertThat(deadLetters() - deadBefore).isEqualTo(1);
    }

    @Test
    void aTenantSeesOnlyItsOwnCounters() {
        UUID tenant = UUID.randomUUID();
        send(contactCreated(UUID.randomUUID(), tenant));
        await().until(() -> contactsOf(tenant) == 1);

        assertThat(contactsOf(UUID.randomUUID())).isZero();
    }

    @Test
    void countersNeedAValidToken() {
        assertThat(ApiClient.onPort(port).get("/api/analytics/counters").status()).isEqualTo(401);
        assertThat(ApiClient.onPort(port)
                .withToken(TestTokens.tokenSignedByAnotherKey(UUID.randomUUID(), UUID.randomUUID(), "ADMIN"))
                .get("/api/analytics/counters").status()).isEqualTo(401);
    }

    private long contactsOf(UUID tenant) {
        var response = ApiClient.onPort(port).withToken(TestTokens.accessToken(tenant, UUID.randomUUID(), "MANAGER"))
                .get("/api/analytics/counters");
        assertThat(response.status()).isEqualTo(200);
        return response.json().get("contacts").asLong();
    }

    private double consumed(String outcome) {
        Counter counter = meters.find("crm.events.consumed").tag("consumer", CounterProjector.CONSUMER)
                .tag("outcome", outcome).counter();
        return counter == null ? 0 : counter.count();
    }

    private double deadLetters() {
        return meters.find("crm.events.dead.letter").tag("topic", Topics.CONTACTS_CONTACT).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    private double failures() {
        return meters.find("crm.events.consumer.failures").tag("topic", Topics.CONTACTS_CONTACT).counters().stream()
                .mapToDouble(Counter::count).sum();
    }

    /** The golden sample of contact.created, as contacts-service sends it, for another contact and tenant. */
    private static ProducerRecord<String, byte[]> contactCreated(UUID contactId, UUID tenant) {
        String data = GoldenSamples.read(ContactCreated.TYPE).replace("0b9f6a2e-2f0c-4a53-9d3c-6f1f3c1d2a10",
                contactId.toString());
        return record(UUID.randomUUID(), tenant, data);
    }

    private static ProducerRecord<String, byte[]> record(UUID eventId, UUID tenant, String data) {
        var headers = new RecordHeaders();
        headers.add(EventHeaders.ID, bytes(eventId.toString()));
        headers.add(EventHeaders.SOURCE, bytes("contacts-service"));
        headers.add(EventHeaders.TYPE, bytes(ContactCreated.TYPE));
        headers.add(EventHeaders.SPEC_VERSION, bytes("1.0"));
        headers.add(EventHeaders.TIME, bytes(Instant.now().toString()));
        headers.add(EventHeaders.TENANT_ID, bytes(tenant.toString()));
        return new ProducerRecord<>(Topics.CONTACTS_CONTACT, null, eventId.toString(), bytes(data), headers);
    }

    private static void send(ProducerRecord<String, byte[]> record) {
        TopicProbe.send(record);
    }

    private static byte[] bytes(String value) {
        return value.getBytes(StandardCharsets.UTF_8);
    }
}
