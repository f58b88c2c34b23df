package org.opencrm.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.events.contacts.ContactCreated;
import org.opencrm.platform.events.identity.TenantCreated;
import org.opencrm.platform.events.identity.UserActivated;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GoldenSamplesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** One sample of each event type; the golden JSON next to it is what producers must send. */
    private static final UUID ADMIN = UUID.fromString("5d2b8c1e-7a44-4f0e-8c55-2b3f4a6d9e01");
    private static final Instant SIGNED_UP = Instant.parse("2026-11-24T09:00:00Z");

    private static final Map<String, DomainEvent> SAMPLES = Map.of(
            TenantCreated.TYPE, new TenantCreated(UUID.fromString("7c0e3c52-1b8f-4f0e-9a57-3d1a2b4c5d60"),
                    "Kovalenko Trading LLC", ADMIN, SIGNED_UP),
            UserActivated.TYPE, new UserActivated(ADMIN, "olena@kovalenko.example", "Olena", "Kovalenko", "ADMIN",
                    null, SIGNED_UP),
            ContactCreated.TYPE, new ContactCreated(UUID.fromString("0b9f6a2e-2f0c-4a53-9d3c-6f1f3c1d2a10"),
                    "Olena", "Kovalenko", "olena.kovalenko@example.com", "+380671234567",
                    UUID.fromString("5d2b8c1e-7a44-4f0e-8c55-2b3f4a6d9e01"), Instant.parse("2026-11-24T10:15:30Z")));

    @Test
    void everyEventTypeHasAGoldenSample() {
        assertThat(SAMPLES.keySet()).containsExactlyInAnyOrderElementsOf(EventTypes.names());
        for (String type : EventTypes.names()) {
            assertThat(GoldenSamples.read(type)).as(type).isNotBlank();
        }
    }

    @Test
    void eventsSerialiseExactlyAsTheirGoldenSample() {
        for (var sample : SAMPLES.entrySet()) {
            JsonNode expected = JSON.readTree(GoldenSamples.read(sample.getKey()));
            JsonNode actual = JSON.valueToTree(sample.getValue());
            assertThat(actual).as(sample.getKey()).isEqualTo(expected);
        }
    }

    @Test
    void goldenSamplesDeserialiseIntoTheirRecords() {
        for (var sample : SAMPLES.entrySet()) {
            Class<? extends DomainEvent> type = EventTypes.classOf(sample.getKey()).orElseThrow();
            assertThat(JSON.readValue(GoldenSamples.read(sample.getKey()), type)).isEqualTo(sample.getValue());
        }
    }

    @Test
    void envelopeRoundTripsWithItsDataType() {
        var data = SAMPLES.get(ContactCreated.TYPE);
        var envelope = EventEnvelope.wrap(data, "contacts-service", UUID.randomUUID(), UUID.randomUUID(),
                "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01");
        String json = JSON.writeValueAsString(envelope);
        assertThat(JSON.readValue(json, EventEnvelope.class)).isEqualTo(envelope);
        assertThat(envelope.subject()).isEqualTo(data.aggregateId());
        assertThat(envelope.type()).isEqualTo("contact.created");
    }

    @Test
    void deadLetterTopicIsTheTopicWithDltSuffix() {
        assertThat(Topics.deadLetter(Topics.CONTACTS_CONTACT)).isEqualTo("crm.contacts.contact.dlt");
        assertThat(Topics.ALL).allMatch(t -> t.startsWith("crm.")).doesNotHaveDuplicates();
    }
}
