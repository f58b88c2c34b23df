package org.opencrm.telephony;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opencrm.platform.events.EventHeaders;
import org.opencrm.platform.events.GoldenSamples;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.test.TopicProbe;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads crm.telephony.call as an outside observer: a call's events, each checked against its golden sample. */
public final class CallTopic implements AutoCloseable {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final TopicProbe probe = TopicProbe.on(Topics.TELEPHONY_CALL);

    /** Waits for the call's event of that type; checks headers and that it has exactly the golden sample's fields. */
    public JsonNode await(String callId, String type) {
        ConsumerRecord<String, byte[]> record = probe.awaitRecord(of(callId, type));
        JsonNode data = JSON.readTree(record.value());
        Set<String> produced = fields("", data);
        Set<String> golden = fields("", JSON.readTree(GoldenSamples.read(type)));
        // an array empty in this event (no callers, no open deals) cannot show its elements' fields
        golden.removeIf(field -> {
            for (int at = field.indexOf("[]"); at >= 0; at = field.indexOf("[]", at + 2)) {
                if (!produced.contains(field.substring(0, at + 2))) {
                    return true;
                }
            }
            return false;
        });
        assertThat(produced).as(type).isEqualTo(golden);
        assertThat(TopicProbe.header(record, EventHeaders.SOURCE)).isEqualTo("telephony-service");
        assertThat(TopicProbe.header(record, EventHeaders.SUBJECT)).isEqualTo(callId);
        assertThat(data.get("callId").asString()).isEqualTo(callId);
        return data;
    }

    /**
     * The types of the call's events read so far, sorted, repeats kept: events committed together are sent
     * concurrently and may reach the topic in either order (KafkaEventRelay), so only what was raised and how
     * often is compared.
     */
    public List<String> types(String callId) {
        return probe.records(r -> callId.equals(r.key())).stream()
                .map(r -> TopicProbe.header(r, EventHeaders.TYPE)).sorted().toList();
    }

    private static Predicate<ConsumerRecord<String, byte[]>> of(String key, String type) {
        return r -> key.equals(r.key()) && type.equals(TopicProbe.header(r, EventHeaders.TYPE));
    }

    /** Field paths, into objects and into the first element of arrays of objects. */
    static Set<String> fields(String prefix, JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.properties().forEach(field -> {
            names.add(prefix + field.getKey());
            JsonNode value = field.getValue();
            if (value.isObject()) {
                names.addAll(fields(prefix + field.getKey() + ".", value));
            } else if (value.isArray() && !value.isEmpty() && value.get(0).isObject()) {
                names.add(prefix + field.getKey() + "[]");
                names.addAll(fields(prefix + field.getKey() + "[].", value.get(0)));
            }
        });
        return names;
    }

    @Override
    public void close() {
        probe.close();
    }
}
