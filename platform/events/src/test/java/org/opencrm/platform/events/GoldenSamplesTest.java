package org.opencrm.platform.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.events.contacts.CommentAdded;
import org.opencrm.platform.events.contacts.CompanyCreated;
import org.opencrm.platform.events.contacts.ContactMerged;
import org.opencrm.platform.events.contacts.CompanyDeleted;
import org.opencrm.platform.events.contacts.CompanyMerged;
import org.opencrm.platform.events.contacts.CompanyUpdated;
import org.opencrm.platform.events.contacts.ContactCreated;
import org.opencrm.platform.events.contacts.ContactDeleted;
import org.opencrm.platform.events.contacts.ContactUpdated;
import org.opencrm.platform.events.identity.ApiKeyCreated;
import org.opencrm.platform.events.identity.ApiKeyRevoked;
import org.opencrm.platform.events.identity.DepartmentChanged;
import org.opencrm.platform.events.identity.DepartmentDeleted;
import org.opencrm.platform.events.identity.PasswordResetRequested;
import org.opencrm.platform.events.identity.TenantCreated;
import org.opencrm.platform.events.identity.UserActivated;
import org.opencrm.platform.events.identity.UserDeactivated;
import org.opencrm.platform.events.identity.UserInvited;
import org.opencrm.platform.events.identity.UserPresenceChanged;
import org.opencrm.platform.events.identity.UserUpdated;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GoldenSamplesTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private static final UUID ADMIN = UUID.fromString("5d2b8c1e-7a44-4f0e-8c55-2b3f4a6d9e01");
    private static final Instant SIGNED_UP = Instant.parse("2026-11-24T09:00:00Z");
    private static final UUID CONTACT = UUID.fromString("0b9f6a2e-2f0c-4a53-9d3c-6f1f3c1d2a10");
    private static final UUID COMPANY = UUID.fromString("3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7");
    private static final UUID API_KEY = UUID.fromString("8d1e2f3a-4b5c-4d6e-9f70-8192a3b4c5d6");

    /** One sample of each event type; the golden JSON next to it is what producers must send. */
    private static final Map<String, DomainEvent> SAMPLES = Stream.of(
            new TenantCreated(UUID.fromString("7c0e3c52-1b8f-4f0e-9a57-3d1a2b4c5d60"), "Kovalenko Trading LLC", ADMIN,
                    SIGNED_UP),
            new UserActivated(ADMIN, "olena@kovalenko.example", "Olena", "Kovalenko", "ADMIN", null, SIGNED_UP),
            new UserInvited(UUID.fromString("2f6b1a9c-4d3e-4b8a-9c1d-0e5f6a7b8c90"), "taras@kovalenko.example",
                    "MANAGER", UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"), ADMIN,
                    "/accept-invitation?token=q8Zx3n1Vb7Yc5Rt2Lp9Kw4Jh6Gf0Ds3A", Instant.parse("2026-12-01T09:00:00Z")),
            new UserUpdated(ADMIN, "olena@kovalenko.example", "Olena", "Kovalenko", "Petrivna", "ADMIN", null,
                    "+380441234567", "101", "Director", Instant.parse("2026-11-24T09:30:00Z")),
            new UserDeactivated(UUID.fromString("6e3c9d2f-8b55-4a1f-9d66-3c4f5b7e0f12"), ADMIN,
                    Instant.parse("2026-11-24T10:00:00Z")),
            new ApiKeyCreated(API_KEY, "Online shop", "crm_Xy7Q", List.of("shop:write", "read"), ADMIN,
                    Instant.parse("2026-11-24T11:00:00Z")),
            new ApiKeyRevoked(API_KEY, ADMIN, Instant.parse("2026-11-25T08:00:00Z")),
            new DepartmentChanged(UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"), "Retail",
                    UUID.fromString("8b7c6d5e-4f3a-4b2c-9d1e-0f9a8b7c6d5e"), ADMIN, 1, Instant.parse("2026-11-24T09:10:00Z")),
            new DepartmentDeleted(UUID.fromString("9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"), ADMIN,
                    Instant.parse("2026-11-26T10:00:00Z")),
            new UserPresenceChanged(ADMIN, "DO_NOT_DISTURB", true, Instant.parse("2026-11-24T12:00:00Z")),
            new PasswordResetRequested(ADMIN, "olena@kovalenko.example", "/reset-password?token=Zk3m9Qp1Xw7Rt5Yb2Nc8Vd4Lh6Gj0Fs1",
                    Instant.parse("2026-11-24T13:00:00Z")),
            new ContactCreated(CONTACT, "Olena", "Kovalenko", "olena.kovalenko@example.com", "+380 67 123 4567", ADMIN,
                    Instant.parse("2026-11-24T10:15:30Z"), "Petrivna", "PERSON", "LEAD", true, List.of("wholesale"),
                    List.of("+380671234567", "+380441234567"), List.of("olena.kovalenko@example.com"), 0),
            new ContactUpdated(CONTACT, "PERSON", "Olena", "Petrivna", "Kovalenko-Shevchenko",
                    "olena.kovalenko@example.com", "+380 67 123 4567", List.of("+380671234567"),
                    List.of("olena.kovalenko@example.com"), ADMIN, "ACTIVE", true, List.of("wholesale", "kyiv"),
                    Instant.parse("2026-11-24T11:00:00Z"), 3, "q3Zt8xWm1bKc"),
            new ContactDeleted(CONTACT, ADMIN, Instant.parse("2026-11-25T09:00:00Z")),
            new CompanyCreated(COMPANY, "Kovalenko Trading LLC", "12345678", "Wholesale", ADMIN, List.of("partner"),
                    List.of("+380441234567"), List.of("office@kovalenko.example"), Instant.parse("2026-11-24T10:20:00Z"), 0),
            new CompanyUpdated(COMPANY, "Kovalenko Trading LLC", "12345678", "Retail", ADMIN, List.of("partner"),
                    List.of("+380441234567"), List.of("office@kovalenko.example"), Instant.parse("2026-11-24T12:00:00Z"), 2),
            new CompanyDeleted(COMPANY, ADMIN, Instant.parse("2026-11-26T09:00:00Z")),
            new CompanyMerged(COMPANY, UUID.fromString("7e8f9a0b-1c2d-4e3f-8a4b-5c6d7e8f9a0b"), ADMIN,
                    Instant.parse("2026-11-26T10:00:00Z")),
            new ContactMerged(CONTACT, UUID.fromString("1a2b3c4d-5e6f-4a7b-8c9d-0e1f2a3b4c5d"), ADMIN,
                    Instant.parse("2026-11-25T10:00:00Z")),
            new CommentAdded(UUID.fromString("4c5d6e7f-8091-4a2b-b3c4-d5e6f7a8b9c0"), "CONTACT", CONTACT, ADMIN,
                    List.of(UUID.fromString("2f6b1a9c-4d3e-4b8a-9c1d-0e5f6a7b8c90")),
                    "@Taras please call her back about the wholesale prices", Instant.parse("2026-11-24T15:00:00Z")))
            .collect(Collectors.toMap(DomainEvent::eventType, Function.identity()));

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
            // read back from text, so that a long field and the int the sample holds compare as the same number
            JsonNode actual = JSON.readTree(JSON.writeValueAsString(sample.getValue()));
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
