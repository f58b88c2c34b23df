package org.opencrm.notifications;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opencrm.platform.events.EventHeaders;
import org.opencrm.platform.events.GoldenSamples;
import org.opencrm.platform.test.TopicProbe;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Checks a produced record against the golden sample of its type: the same fields, the CloudEvents headers set. */
public final class Golden {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Golden() {
    }

    /** The record's value, after checking it has exactly the golden sample's fields. */
    public static JsonNode matches(ConsumerRecord<String, byte[]> record, String type) {
        assertThat(TopicProbe.header(record, EventHeaders.TYPE)).isEqualTo(type);
        assertThat(TopicProbe.header(record, EventHeaders.ID)).isNotBlank();
        assertThat(TopicProbe.header(record, EventHeaders.TENANT_ID)).isNotBlank();
        assertThat(TopicProbe.header(record, EventHeaders.SOURCE)).isEqualTo("notifications-service");
        JsonNode value = JSON.readTree(record.value());
        assertThat(fields(value)).as("fields of " + type).isEqualTo(fields(JSON.readTree(GoldenSamples.read(type))));
        assertThat(record.key()).isEqualTo(TopicProbe.header(record, EventHeaders.SUBJECT));
        return value;
    }

    private static Set<String> fields(JsonNode node) {
        return new TreeSet<>(node.propertyNames());
    }

    /** A predicate on the record's type and a text field of its value. */
    public static java.util.function.Predicate<ConsumerRecord<String, byte[]>> of(String type, String field,
            String value) {
        return record -> type.equals(TopicProbe.header(record, EventHeaders.TYPE))
                && value.equals(JSON.readTree(record.value()).path(field).asString(null));
    }
}
