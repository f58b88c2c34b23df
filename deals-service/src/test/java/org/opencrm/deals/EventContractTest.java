package org.opencrm.deals;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.events.EventHeaders;
import org.opencrm.platform.events.GoldenSamples;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.deals.DealCreated;
import org.opencrm.platform.events.deals.DealDeleted;
import org.opencrm.platform.events.deals.DealLost;
import org.opencrm.platform.events.deals.DealStageChanged;
import org.opencrm.platform.events.deals.DealUpdated;
import org.opencrm.platform.events.deals.DealWon;
import org.opencrm.platform.events.deals.LeadConverted;
import org.opencrm.platform.events.deals.LeadCreated;
import org.opencrm.platform.events.deals.LeadDeleted;
import org.opencrm.platform.events.deals.LeadLost;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * What deals-service puts on crm.deals.lead and crm.deals.deal: every event type with exactly the fields of
 * its golden sample (platform/events), keyed by the card, its CloudEvents headers set, its values the card's.
 */
@CrmIntegrationTest
class EventContractTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void leadEventsMatchTheirGoldenSamples() {
        Company company = new Company(port);
        var api = company.admin();
        try (var leads = TopicProbe.on(Topics.DEALS_LEAD)) {
            String converted = api.post("/api/deals/leads", Map.of("contactName", "Антонов Артем", "phone",
                    "+380996453478", "source", "facebook", "sourceDetail", "FB - Саморезы")).json().get("id").asString();
            String deal = api.post("/api/deals/leads/" + converted + "/convert", Map.of("amount", "1250.00")).json()
                    .get("id").asString();
            String lost = api.post("/api/deals/leads", Map.of("contactName", "Olena")).json().get("id").asString();
            api.post("/api/deals/leads/" + lost + "/lose", Map.of("reason", "Did not answer three calls"));

            JsonNode created = matches(leads.awaitRecord(record(converted, LeadCreated.TYPE)), LeadCreated.TYPE);
            JsonNode conversion = matches(leads.awaitRecord(record(converted, LeadConverted.TYPE)), LeadConverted.TYPE);
            JsonNode loss = matches(leads.awaitRecord(record(lost, LeadLost.TYPE)), LeadLost.TYPE);

            assertThat(created.get("phone").asString()).isEqualTo("+380996453478");
            assertThat(created.get("stage").get("code").asString()).isEqualTo("new-request");
            assertThat(created.get("ownerId").asString()).isEqualTo(company.admin.toString());
            assertThat(conversion.get("dealId").asString()).isEqualTo(deal);
            assertThat(conversion.get("amount").decimalValue()).isEqualByComparingTo("1250");
            assertThat(conversion.get("contactName").asString()).as("the snapshot for contacts-service")
                    .isEqualTo("Антонов Артем");
            assertThat(conversion.get("stage").get("outcome").asString()).isEqualTo("WON");
            assertThat(loss.get("reason").asString()).isEqualTo("Did not answer three calls");
            assertThat(loss.get("stage").get("code").asString()).isEqualTo("failed");
        }
    }

    @Test
    void dealEventsMatchTheirGoldenSamples() {
        Company company = new Company(port);
        var api = company.admin();
        try (var deals = TopicProbe.on(Topics.DEALS_DEAL)) {
            var created = api.post("/api/deals/deals", Map.of("title", "Anchors", "amount", "1180.50")).json();
            String won = created.get("id").asString();
            var updated = api.patch("/api/deals/deals/" + won, Map.of("paymentStatus", "SUCCESSFUL")).json();
            api.post("/api/deals/deals/" + won + "/move", Map.of("stageId", company.stageId("orders", "successful"),
                    "version", updated.get("version").asLong()));
            String lost = api.post("/api/deals/deals", Map.of("amount", "320", "currency", "EUR")).json().get("id")
                    .asString();
            api.post("/api/deals/deals/" + lost + "/lose", Map.of("reason", "The parcel was not picked up"));

            JsonNode opened = matches(deals.awaitRecord(record(won, DealCreated.TYPE)), DealCreated.TYPE);
            JsonNode changed = matches(deals.awaitRecord(record(won, DealUpdated.TYPE)), DealUpdated.TYPE);
            JsonNode moved = matches(deals.awaitRecord(record(won, DealStageChanged.TYPE)), DealStageChanged.TYPE);
            JsonNode win = matches(deals.awaitRecord(record(won, DealWon.TYPE)), DealWon.TYPE);
            matches(deals.awaitRecord(record(lost, DealStageChanged.TYPE)), DealStageChanged.TYPE);
            JsonNode loss = matches(deals.awaitRecord(record(lost, DealLost.TYPE)), DealLost.TYPE);

            assertThat(opened.get("number").asLong()).isEqualTo(created.get("number").asLong());
            assertThat(opened.get("amount").decimalValue()).isEqualByComparingTo("1180.50");
            assertThat(opened.get("stage").get("code").asString()).isEqualTo("new-order");
            assertThat(changed.get("paymentStatus").asString()).isEqualTo("SUCCESSFUL");
            assertThat(changed.get("version").asLong()).isEqualTo(updated.get("version").asLong());
            assertThat(moved.get("from").get("code").asString()).isEqualTo("new-order");
            assertThat(moved.get("to").get("code").asString()).isEqualTo("successful");
            assertThat(moved.get("outcome").asString()).isEqualTo("WON");
            assertThat(moved.get("changedBy").asString()).isEqualTo(company.admin.toString());
            assertThat(win.get("title").asString()).isEqualTo("Anchors");
            assertThat(win.get("version").asLong()).isEqualTo(moved.get("version").asLong());
            assertThat(loss.get("reason").asString()).isEqualTo("The parcel was not picked up");
            assertThat(loss.get("currency").asString()).isEqualTo("EUR");
        }
    }

    @Test
    void deletionEventsMatchTheirGoldenSamples() {
        Company company = new Company(port);
        var api = company.admin();
        String lead = api.post("/api/deals/leads", Map.of("contactName", "Антонов Артем")).json().get("id").asString();
        String deal = api.post("/api/deals/leads/" + lead + "/convert", Map.of("amount", "1180.50")).json().get("id")
                .asString();
        try (var leads = TopicProbe.on(Topics.DEALS_LEAD); var deals = TopicProbe.on(Topics.DEALS_DEAL)) {
            api.delete("/api/deals/deals/" + deal);
            api.delete("/api/deals/leads/" + lead);

            JsonNode dealGone = matches(deals.awaitRecord(record(deal, DealDeleted.TYPE)), DealDeleted.TYPE);
            JsonNode leadGone = matches(leads.awaitRecord(record(lead, LeadDeleted.TYPE)), LeadDeleted.TYPE);

            assertThat(dealGone.get("leadId").asString()).isEqualTo(lead);
            assertThat(dealGone.get("amount").decimalValue()).isEqualByComparingTo("1180.50");
            assertThat(leadGone.get("status").asString()).isEqualTo("CONVERTED");
            assertThat(leadGone.get("dealId").isNull()).as("its deal went first").isTrue();
            assertThat(leadGone.get("stage").get("outcome").asString()).isEqualTo("WON");
        }
    }

    private static java.util.function.Predicate<ConsumerRecord<String, byte[]>> record(String key, String type) {
        return r -> key.equals(r.key()) && type.equals(TopicProbe.header(r, EventHeaders.TYPE));
    }

    /** The event's data, after checking its headers and that it has exactly the golden sample's fields. */
    private static JsonNode matches(ConsumerRecord<String, byte[]> record, String type) {
        JsonNode data = JSON.readTree(record.value());
        assertThat(fields("", data)).as(type).isEqualTo(fields("", JSON.readTree(GoldenSamples.read(type))));
        assertThat(TopicProbe.header(record, EventHeaders.SOURCE)).isEqualTo("deals-service");
        assertThat(TopicProbe.header(record, EventHeaders.SUBJECT)).isEqualTo(record.key());
        assertThat(TopicProbe.header(record, EventHeaders.TENANT_ID)).isNotBlank();
        return data;
    }

    private static Set<String> fields(String prefix, JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.properties().forEach(field -> {
            names.add(prefix + field.getKey());
            if (field.getValue().isObject()) {
                names.addAll(fields(prefix + field.getKey() + ".", field.getValue()));
            }
        });
        return names;
    }
}
