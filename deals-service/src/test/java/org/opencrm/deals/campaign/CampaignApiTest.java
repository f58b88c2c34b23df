package org.opencrm.deals.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.opencrm.deals.Company;
import org.opencrm.platform.events.EventHeaders;
import org.opencrm.platform.events.GoldenSamples;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.deals.CampaignCreated;
import org.opencrm.platform.events.deals.CampaignDeleted;
import org.opencrm.platform.events.deals.CampaignUpdated;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Advertising campaigns through HTTP: a marketer plans them, managers read them with the leads and deals
 * attributed to each (the ROI numbers); bad input, other roles and another company refused; events on
 * crm.deals.campaign as their golden samples.
 */
@CrmIntegrationTest
class CampaignApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate TODAY = LocalDate.now(java.time.ZoneOffset.UTC);

    @LocalServerPort
    int port;

    private static Map<String, Object> campaign(String name, Object... more) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name, "channel", "FACEBOOK", "budget", "1000.00",
                "startDate", TODAY.minusDays(10).toString(), "endDate", TODAY.plusDays(20).toString()));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    private static String id(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isIn(200, 201);
        return response.json().get("id").asString();
    }

    @Test
    void aMarketerPlansACampaignForAServiceAndManagersReadIt() {
        Company company = new Company(port);
        UUID marketer = company.hire("MARKETER", null);
        var asMarketer = company.as(marketer, "MARKETER");
        String service = id(asMarketer.post("/api/deals/products", Map.of("name", "Installation", "kind", "SERVICE",
                "price", "500")));

        var created = asMarketer.post("/api/deals/campaigns", campaign("FB - Саморезы", "productId", service,
                "currency", "eur"));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        JsonNode view = created.json();
        assertThat(view.get("currency").asString()).isEqualTo("EUR");
        assertThat(view.get("status").asString()).as("today is within its dates").isEqualTo("ACTIVE");
        assertThat(view.get("statusSet").asBoolean()).isFalse();
        assertThat(view.get("ownerId").asString()).isEqualTo(marketer.toString());
        assertThat(view.get("productId").asString()).isEqualTo(service);
        assertThat(view.get("attributed").get("leads").asLong()).isZero();
        assertThat(view.get("roi").decimalValue()).as("nothing won yet: the budget lost").isEqualByComparingTo("-1");

        var manager = company.as(company.hire("MANAGER", null), "MANAGER");
        assertThat(manager.get("/api/deals/campaigns/" + view.get("id").asString()).status()).isEqualTo(200);
        assertThat(manager.get("/api/deals/campaigns").json().get("items").findValuesAsString("name"))
                .containsExactly("FB - Саморезы");
        assertThat(manager.post("/api/deals/campaigns", campaign("Mine")).status()).isEqualTo(403);
        assertThat(manager.patch("/api/deals/campaigns/" + view.get("id").asString(), Map.of("budget", "1")).status())
                .isEqualTo(403);
        assertThat(company.as(UUID.randomUUID(), "DEVELOPER").get("/api/deals/campaigns").status()).isEqualTo(403);
        assertThat(asMarketer.get("/api/deals/campaigns/" + view.get("id").asString()).json().get("budget")
                .decimalValue()).as("nothing changed by the refused requests").isEqualByComparingTo("1000");
    }

    @Test
    void theStatusFollowsTheDatesUntilAMarketerSetsIt() {
        Company company = new Company(port);
        var api = company.admin();
        String planned = id(api.post("/api/deals/campaigns", campaign("Next month", "startDate",
                TODAY.plusDays(30).toString(), "endDate", TODAY.plusDays(60).toString())));
        String finished = id(api.post("/api/deals/campaigns", campaign("Last year", "startDate",
                TODAY.minusDays(400).toString(), "endDate", TODAY.minusDays(370).toString())));
        String open = id(api.post("/api/deals/campaigns", campaign("Always on", "endDate", null)));

        assertThat(api.get("/api/deals/campaigns/" + planned).json().get("status").asString()).isEqualTo("PLANNED");
        assertThat(api.get("/api/deals/campaigns/" + finished).json().get("status").asString()).isEqualTo("FINISHED");
        assertThat(api.get("/api/deals/campaigns/" + open).json().get("status").asString()).isEqualTo("ACTIVE");
        assertThat(api.get("/api/deals/campaigns?status=PLANNED").json().get("items").findValuesAsString("id"))
                .containsExactly(planned);

        var stopped = api.patch("/api/deals/campaigns/" + open, Map.of("status", "FINISHED"));
        assertThat(stopped.json().get("status").asString()).isEqualTo("FINISHED");
        assertThat(stopped.json().get("statusSet").asBoolean()).isTrue();
        assertThat(api.get("/api/deals/campaigns?status=FINISHED").json().get("items").findValuesAsString("id"))
                .containsExactlyInAnyOrder(finished, open);
        var back = api.patch("/api/deals/campaigns/" + open, "{\"status\": null}");
        assertThat(back.json().get("status").asString()).as("back to its dates").isEqualTo("ACTIVE");

        assertThat(api.get("/api/deals/campaigns?activeFrom=" + TODAY.plusDays(25) + "&activeTo=" + TODAY.plusDays(35))
                .json().get("items").findValuesAsString("id")).as("overlapping those days")
                .containsExactlyInAnyOrder(planned, open);
        assertThat(api.get("/api/deals/campaigns?channel=GOOGLE").json().get("items").size()).isZero();
    }

    @Test
    void eachCampaignCountsItsLeadsConversionsDealsAndWonAmounts() {
        Company company = new Company(port);
        var api = company.admin();
        String spring = id(api.post("/api/deals/campaigns", campaign("Spring", "budget", "500", "currency", "UAH")));
        String other = id(api.post("/api/deals/campaigns", campaign("Other")));
        String lead1 = id(api.post("/api/deals/leads", Map.of("contactName", "A", "campaignId", spring)));
        id(api.post("/api/deals/leads", Map.of("contactName", "B", "campaignId", spring)));
        id(api.post("/api/deals/leads", Map.of("contactName", "C", "campaignId", other)));
        String converted = id(api.post("/api/deals/leads/" + lead1 + "/convert", Map.of("amount", "800")));
        var moved = api.post("/api/deals/deals/" + converted + "/move", Map.of("stageId",
                company.stageId("orders", "successful"), "version", api.get("/api/deals/deals/" + converted).json()
                        .get("version").asLong()));
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        String euros = id(api.post("/api/deals/deals", Map.of("amount", "40", "currency", "EUR", "campaignId", spring)));
        api.post("/api/deals/deals/" + euros + "/move", Map.of("stageId", company.stageId("orders", "successful"),
                "version", 0));
        id(api.post("/api/deals/deals", Map.of("amount", "999", "campaignId", spring)));

        JsonNode numbers = api.get("/api/deals/campaigns/" + spring).json();
        JsonNode attributed = numbers.get("attributed");
        assertThat(attributed.get("leads").asLong()).isEqualTo(2);
        assertThat(attributed.get("convertedLeads").asLong()).isEqualTo(1);
        assertThat(attributed.get("deals").asLong()).as("the converted lead's deal and two more").isEqualTo(3);
        assertThat(attributed.get("wonDeals").asLong()).isEqualTo(2);
        assertThat(Company.each(attributed.get("won"), "currency")).as("by currency").containsExactly("EUR", "UAH");
        assertThat(attributed.get("won").get(0).get("amount").decimalValue()).isEqualByComparingTo("40");
        assertThat(attributed.get("won").get(1).get("amount").decimalValue()).isEqualByComparingTo("800");
        assertThat(numbers.get("roi").decimalValue()).as("(800 - 500) / 500, in the budget's currency")
                .isEqualByComparingTo("0.6");
        JsonNode listed = api.get("/api/deals/campaigns?q=spr").json().get("items");
        assertThat(listed.size()).isEqualTo(1);
        assertThat(listed.get(0).get("attributed")).isEqualTo(attributed);
        assertThat(api.get("/api/deals/campaigns/" + other).json().get("attributed").get("leads").asLong()).isEqualTo(1);
        assertThat(api.delete("/api/deals/campaigns/" + spring).status()).as("its numbers stay").isEqualTo(400);
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        Company company = new Company(port);
        var api = company.admin();

        assertThat(fields(api.post("/api/deals/campaigns", campaign("Backwards", "startDate", "2026-05-01", "endDate",
                "2026-04-01")))).containsExactly("endDate");
        assertThat(fields(api.post("/api/deals/campaigns", campaign("Negative", "budget", "-1")))).containsExactly("budget");
        assertThat(fields(api.post("/api/deals/campaigns", campaign("Money", "currency", "XYZ")))).containsExactly("currency");
        assertThat(fields(api.post("/api/deals/campaigns", campaign("Unknown", "productId", UUID.randomUUID().toString()))))
                .containsExactly("productId");
        assertThat(fields(api.post("/api/deals/campaigns", campaign("Nobody", "ownerId", UUID.randomUUID().toString()))))
                .containsExactly("ownerId");
        assertThat(fields(api.post("/api/deals/campaigns", Map.of("name", " ")))).contains("name", "channel", "budget",
                "startDate");
        assertThat(api.get("/api/deals/campaigns").json().get("items").size()).isZero();

        String kept = id(api.post("/api/deals/campaigns", campaign("Kept")));
        assertThat(fields(api.patch("/api/deals/campaigns/" + kept, Map.of("budget", "-5")))).containsExactly("budget");
        assertThat(fields(api.patch("/api/deals/campaigns/" + kept, Map.of("endDate", "2000-01-01"))))
                .containsExactly("endDate");
        assertThat(api.get("/api/deals/campaigns/" + kept).json().get("version").asLong()).isZero();
    }

    @Test
    void aLeadOrDealNamesOnlyACampaignOrPromotionOfItsOwnCompany() {
        Company company = new Company(port);
        Company stranger = new Company(port);
        var api = company.admin();
        String theirs = id(stranger.admin().post("/api/deals/campaigns", campaign("Theirs")));
        String theirPromotion = id(stranger.admin().post("/api/deals/promotions", Map.of("name", "Theirs",
                "mechanic", "GIFT", "startDate", "2026-01-01")));
        String mine = id(api.post("/api/deals/campaigns", campaign("Mine")));

        assertThat(fields(api.post("/api/deals/leads", Map.of("contactName", "A", "campaignId", theirs,
                "promotionId", theirPromotion)))).containsExactly("campaignId", "promotionId");
        assertThat(fields(api.post("/api/deals/deals", Map.of("title", "B", "campaignId", UUID.randomUUID().toString()))))
                .containsExactly("campaignId");
        String lead = id(api.post("/api/deals/leads", Map.of("contactName", "C", "campaignId", mine)));
        String deal = id(api.post("/api/deals/deals", Map.of("title", "D", "campaignId", mine)));
        assertThat(fields(api.patch("/api/deals/leads/" + lead, Map.of("campaignId", theirs)))).containsExactly("campaignId");
        assertThat(fields(api.patch("/api/deals/deals/" + deal, Map.of("promotionId", theirPromotion))))
                .containsExactly("promotionId");
        assertThat(api.patch("/api/deals/deals/" + deal, Map.of("title", "D2")).status()).isEqualTo(200);
        assertThat(api.get("/api/deals/campaigns/" + mine).json().get("attributed").get("leads").asLong()).isEqualTo(1);
        assertThat(api.get("/api/deals/items").json().get("items").size()).as("nothing else stored").isEqualTo(2);
    }

    @Test
    void anotherCompanysCampaignIsNotFound() {
        Company company = new Company(port);
        Company stranger = new Company(port);
        String mine = id(company.admin().post("/api/deals/campaigns", campaign("Mine")));
        var admin = stranger.admin();
        String theirProduct = id(company.admin().post("/api/deals/products", Map.of("name", "X", "price", "1")));

        assertThat(admin.get("/api/deals/campaigns/" + mine).status()).isEqualTo(404);
        assertThat(admin.patch("/api/deals/campaigns/" + mine, Map.of("name", "Taken")).status()).isEqualTo(404);
        assertThat(admin.delete("/api/deals/campaigns/" + mine).status()).isEqualTo(404);
        assertThat(admin.get("/api/deals/campaigns").json().get("items").size()).isZero();
        assertThat(fields(admin.post("/api/deals/campaigns", campaign("Theirs", "productId", theirProduct))))
                .containsExactly("productId");
        assertThat(company.admin().get("/api/deals/campaigns/" + mine).json().get("name").asString()).isEqualTo("Mine");
    }

    @Test
    void campaignEventsMatchTheirGoldenSamples() {
        Company company = new Company(port);
        var api = company.admin();
        try (var topic = TopicProbe.on(Topics.DEALS_CAMPAIGN)) {
            String id = id(api.post("/api/deals/campaigns", campaign("Events", "budget", "15000")));
            api.patch("/api/deals/campaigns/" + id, Map.of("budget", "18000", "channel", "GOOGLE"));
            String gone = id(api.post("/api/deals/campaigns", campaign("Gone")));
            assertThat(api.delete("/api/deals/campaigns/" + gone).status()).isEqualTo(204);

            JsonNode created = matches(topic.awaitRecord(record(id, CampaignCreated.TYPE)), CampaignCreated.TYPE);
            JsonNode updated = matches(topic.awaitRecord(record(id, CampaignUpdated.TYPE)), CampaignUpdated.TYPE);
            JsonNode deleted = matches(topic.awaitRecord(record(gone, CampaignDeleted.TYPE)), CampaignDeleted.TYPE);

            assertThat(created.get("budget").decimalValue()).isEqualByComparingTo("15000");
            assertThat(created.get("status").asString()).isEqualTo("ACTIVE");
            assertThat(created.get("ownerId").asString()).isEqualTo(company.admin.toString());
            assertThat(updated.get("budget").decimalValue()).isEqualByComparingTo("18000");
            assertThat(updated.get("channel").asString()).isEqualTo("GOOGLE");
            assertThat(updated.get("version").asLong()).isEqualTo(1);
            assertThat(deleted.get("deletedBy").asString()).isEqualTo(company.admin.toString());
        }
        assertThat(api.get("/api/deals/campaigns").json().get("items").findValuesAsString("name"))
                .containsExactly("Events");
    }

    private static List<String> fields(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().get("errors").findValuesAsString("field");
    }

    private static java.util.function.Predicate<ConsumerRecord<String, byte[]>> record(String key, String type) {
        return r -> key.equals(r.key()) && type.equals(TopicProbe.header(r, EventHeaders.TYPE));
    }

    private static JsonNode matches(ConsumerRecord<String, byte[]> record, String type) {
        JsonNode data = JSON.readTree(record.value());
        assertThat(fields("", data)).as(type).isEqualTo(fields("", JSON.readTree(GoldenSamples.read(type))));
        assertThat(TopicProbe.header(record, EventHeaders.SOURCE)).isEqualTo("deals-service");
        assertThat(TopicProbe.header(record, EventHeaders.SUBJECT)).isEqualTo(record.key());
        return data;
    }

    private static Set<String> fields(String prefix, JsonNode node) {
        Set<String> names = new TreeSet<>();
        node.properties().forEach(field -> names.add(prefix + field.getKey()));
        return names;
    }
}
