package org.opencrm.platform.starter.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.events.EventHeaders;
import org.opencrm.platform.events.GoldenSamples;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.contacts.ContactCreated;
import org.opencrm.platform.events.contacts.ContactUpserted;
import tools.jackson.databind.json.JsonMapper;

class IncomingEventsTest {

    private final IncomingEvents incoming = new IncomingEvents(JsonMapper.builder().build());

    private static ConsumerRecord<String, byte[]> record(String type, String data) {
        var record = new ConsumerRecord<String, byte[]>(Topics.CONTACTS_CONTACT, 0, 0, "key",
                data.getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.TYPE, type.getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.TENANT_ID, UUID.randomUUID().toString().getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.SOURCE, "contacts-service".getBytes(StandardCharsets.UTF_8));
        record.headers().add(EventHeaders.TIME, "2026-11-27T10:00:00Z".getBytes(StandardCharsets.UTF_8));
        return record;
    }

    @Test
    void aGoldenSampleIsReadIntoItsRecord() {
        var read = incoming.read(record(ContactCreated.TYPE, GoldenSamples.read(ContactCreated.TYPE)));

        assertThat(read).get().satisfies(event -> {
            assertThat(event.type()).isEqualTo(ContactCreated.TYPE);
            assertThat(event.data()).isInstanceOf(ContactCreated.class);
        });
    }

    @Test
    void aConsumerOfSomeTypesPassesOverOthersWithoutReadingTheirData() {
        // not even JSON: it would be dead-lettered if it were read
        assertThat(incoming.read(record(ContactCreated.TYPE, "not json"), Set.of(ContactUpserted.TYPE))).isEmpty();
        assertThat(incoming.read(record(ContactUpserted.TYPE, GoldenSamples.read(ContactUpserted.TYPE)),
                Set.of(ContactUpserted.TYPE))).get().extracting(event -> event.data().getClass())
                .isEqualTo(ContactUpserted.class);
    }

    @Test
    void dataThatIsNotJsonIsMalformedAndAnUnknownTypeIsSkipped() {
        assertThatThrownBy(() -> incoming.read(record(ContactCreated.TYPE, "{not json")))
                .isInstanceOf(MalformedEventException.class);
        assertThat(incoming.read(record("contact.teleported", "{}"))).isEmpty();
    }
}
