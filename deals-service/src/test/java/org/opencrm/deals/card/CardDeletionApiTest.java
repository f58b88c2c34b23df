package org.opencrm.deals.card;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.opencrm.deals.Company;
import org.opencrm.platform.events.EventHeaders;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.deals.DealDeleted;
import org.opencrm.platform.events.deals.DealUpdated;
import org.opencrm.platform.events.deals.LeadDeleted;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TestTokens;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deleting a lead or deal made by mistake, through HTTP: it is gone from its card, the board, the list and the
 * export, with its stage history, comments and lines, and announced; who may not, a stale version, a shop
 * order's deal and a contract's deal are refused and change nothing.
 */
@CrmIntegrationTest
class CardDeletionApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private static String create(ApiClient as, String path, Object body) {
        var created = as.post(path, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static Predicate<ConsumerRecord<String, byte[]>> record(String key, String type) {
        return r -> key.equals(r.key()) && type.equals(TopicProbe.header(r, EventHeaders.TYPE));
    }

    /** The ids of every card on the pipeline's board (the first page of each column is enough here). */
    private static List<String> onBoard(ApiClient api, String pipelineId) {
        var board = api.get("/api/deals/pipelines/" + pipelineId + "/board");
        assertThat(board.status()).as(board.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        board.json().get("columns").forEach(column -> ids.addAll(Company.each(column.get("cards"), "id")));
        return ids;
    }

    private static List<String> listed(ApiClient api) {
        return Company.each(api.get("/api/deals/items").json().get("items"), "id");
    }

    private static String exported(ApiClient api) {
        var csv = api.getBytes("/api/deals/items/export?format=csv");
        assertThat(csv.statusCode()).isEqualTo(200);
        return new String(csv.body(), StandardCharsets.UTF_8);
    }

    @Test
    void aLeadTakenInByMistakeIsGoneWithItsHistoryAndCommentsFromEveryListAndAnnounced() throws Exception {
        Company company = new Company(port);
        var api = company.admin();
        String kept = create(api, "/api/deals/leads", Map.of("contactName", "Kept Client"));
        String lead = create(api, "/api/deals/leads", Map.of("contactName", "Typo Client", "source", "facebook"));
        api.post("/api/deals/leads/" + lead + "/comments", Map.of("body", "a duplicate, delete it"));
        long number = api.get("/api/deals/leads/" + lead).json().get("number").asLong();
        assertThat(onBoard(api, company.pipelineId("leads"))).contains(lead);

        try (var leads = TopicProbe.on(Topics.DEALS_LEAD)) {
            var deleted = api.delete("/api/deals/leads/" + lead);

            assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
            JsonNode event = JSON.readTree(leads.awaitRecord(record(lead, LeadDeleted.TYPE)).value());
            assertThat(event.get("number").asLong()).isEqualTo(number);
            assertThat(event.get("status").asString()).isEqualTo("OPEN");
            assertThat(event.get("stage").get("code").asString()).isEqualTo("new-request");
            assertThat(event.get("source").asString()).isEqualTo("facebook");
            assertThat(event.get("dealId").isNull()).isTrue();
            assertThat(event.get("deletedBy").asString()).isEqualTo(company.admin.toString());
        }
        assertThat(api.get("/api/deals/leads/" + lead).status()).isEqualTo(404);
        assertThat(api.get("/api/deals/leads/" + lead + "/comments").status()).isEqualTo(404);
        assertThat(api.delete("/api/deals/leads/" + lead).status()).as("deleted once").isEqualTo(404);
        assertThat(onBoard(api, company.pipelineId("leads"))).doesNotContain(lead).contains(kept);
        assertThat(listed(api)).containsExactly(kept);
        assertThat(exported(api)).contains("Kept Client").doesNotContain("Typo Client");
        assertThat(Company.count("select count(*) from stage_change where card_id = ?", UUID.fromString(lead))).isZero();
        assertThat(Company.count("select count(*) from comment where card_id = ?", UUID.fromString(lead))).isZero();
    }

    @Test
    void aConvertedLeadGoesAndItsDealStaysNamingNoLead() throws Exception {
        Company company = new Company(port);
        var api = company.admin();
        String lead = create(api, "/api/deals/leads", Map.of("contactName", "Converted by mistake"));
        var deal = api.post("/api/deals/leads/" + lead + "/convert", Map.of("amount", "100")).json();
        String dealId = deal.get("id").asString();
        long leadVersion = api.get("/api/deals/leads/" + lead).json().get("version").asLong();

        try (var leads = TopicProbe.on(Topics.DEALS_LEAD); var deals = TopicProbe.on(Topics.DEALS_DEAL)) {
            var deleted = api.delete("/api/deals/leads/" + lead + "?version=" + leadVersion);

            assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
            JsonNode event = JSON.readTree(leads.awaitRecord(record(lead, LeadDeleted.TYPE)).value());
            assertThat(event.get("status").asString()).isEqualTo("CONVERTED");
            assertThat(event.get("dealId").asString()).isEqualTo(dealId);
            JsonNode unlinked = JSON.readTree(deals.awaitRecord(record(dealId, DealUpdated.TYPE)).value());
            assertThat(unlinked.get("leadId").isNull()).isTrue();
        }
        var after = api.get("/api/deals/deals/" + dealId);
        assertThat(after.status()).isEqualTo(200);
        assertThat(after.json().get("leadId").isNull()).isTrue();
        assertThat(after.json().get("version").asLong()).isGreaterThan(deal.get("version").asLong());
        assertThat(listed(api)).containsExactly(dealId);
    }

    @Test
    void aDealGoesWithItsLinesHistoryAndCommentsAndItsLeadForgetsIt() throws Exception {
        Company company = new Company(port);
        var api = company.admin();
        String product = create(api, "/api/deals/products", Map.of("name", "Anchor 8x60", "price", "12.50"));
        String lead = create(api, "/api/deals/leads", Map.of("contactName", "Olena Kovalenko"));
        String deal = api.post("/api/deals/leads/" + lead + "/convert", Map.of()).json().get("id").asString();
        var withLines = api.patch("/api/deals/deals/" + deal, Map.of("title", "Wrong order", "lines",
                List.of(Map.of("productId", product, "quantity", 4))));
        assertThat(withLines.status()).as(withLines.body()).isEqualTo(200);
        api.post("/api/deals/deals/" + deal + "/comments", Map.of("body", "opened twice"));
        String kept = create(api, "/api/deals/deals", Map.of("title", "Right order", "amount", "10"));

        try (var deals = TopicProbe.on(Topics.DEALS_DEAL)) {
            var deleted = api.delete("/api/deals/deals/" + deal + "?version=" + withLines.json().get("version").asLong());

            assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
            JsonNode event = JSON.readTree(deals.awaitRecord(record(deal, DealDeleted.TYPE)).value());
            assertThat(event.get("title").asString()).isEqualTo("Wrong order");
            assertThat(event.get("amount").decimalValue()).isEqualByComparingTo("50.00");
            assertThat(event.get("leadId").asString()).isEqualTo(lead);
            assertThat(event.get("stage").get("code").asString()).isEqualTo("new-order");
            assertThat(event.get("deletedBy").asString()).isEqualTo(company.admin.toString());
        }
        assertThat(api.get("/api/deals/deals/" + deal).status()).isEqualTo(404);
        var theLead = api.get("/api/deals/leads/" + lead).json();
        assertThat(theLead.get("status").asString()).isEqualTo("CONVERTED");
        assertThat(theLead.get("dealId").isNull()).as("no link to a deal that is gone").isTrue();
        assertThat(onBoard(api, company.pipelineId("orders"))).containsExactly(kept);
        assertThat(listed(api)).containsExactlyInAnyOrder(kept, lead);
        assertThat(exported(api)).contains("Right order").doesNotContain("Wrong order");
        UUID id = UUID.fromString(deal);
        assertThat(Company.count("select count(*) from deal_line where deal_id = ?", id)).isZero();
        assertThat(Company.count("select count(*) from stage_change where card_id = ?", id)).isZero();
        assertThat(Company.count("select count(*) from comment where card_id = ?", id)).isZero();
        assertThat(api.delete("/api/deals/products/" + product).status()).as("no line holds the product now")
                .isEqualTo(204);
    }

    @Test
    void aMarketerOrADeveloperDeletesNothingAndAManagerOnlyTheirOwnAndUnassignedCards() {
        Company company = new Company(port);
        UUID olena = company.hire("MANAGER", null);
        UUID taras = company.hire("MANAGER", null);
        var asOlena = company.as(olena, "MANAGER");
        var asTaras = company.as(taras, "MANAGER");
        String olenasLead = create(asOlena, "/api/deals/leads", Map.of("contactName", "Olena's client"));
        String olenasDeal = create(asOlena, "/api/deals/deals", Map.of("title", "Olena's deal"));
        String unassigned = create(company.admin(), "/api/deals/leads", Map.of("contactName", "Nobody's"));
        company.admin().patch("/api/deals/leads/" + unassigned, "{\"ownerId\": null}");

        assertThat(company.as(UUID.randomUUID(), "MARKETER").delete("/api/deals/leads/" + olenasLead).status())
                .isEqualTo(403);
        assertThat(company.as(UUID.randomUUID(), "MARKETER").delete("/api/deals/deals/" + olenasDeal).status())
                .isEqualTo(403);
        assertThat(company.as(UUID.randomUUID(), "DEVELOPER").delete("/api/deals/deals/" + olenasDeal).status())
                .isEqualTo(403);
        assertThat(asTaras.delete("/api/deals/leads/" + olenasLead).status()).as("not one Taras sees").isEqualTo(404);
        assertThat(asTaras.delete("/api/deals/deals/" + olenasDeal).status()).isEqualTo(404);
        assertThat(new Company(port).admin().delete("/api/deals/deals/" + olenasDeal).status())
                .as("another company's").isEqualTo(404);
        assertThat(ApiClient.onPort(port).delete("/api/deals/deals/" + olenasDeal).status()).as("no token")
                .isEqualTo(401);
        assertThat(ApiClient.onPort(port).delete("/api/deals/leads/" + olenasLead).status()).isEqualTo(401);
        assertThat(asOlena.get("/api/deals/leads/" + olenasLead).status()).as("nothing deleted").isEqualTo(200);
        assertThat(asOlena.get("/api/deals/deals/" + olenasDeal).status()).isEqualTo(200);

        assertThat(asTaras.delete("/api/deals/leads/" + unassigned).status()).as("unassigned").isEqualTo(204);
        assertThat(asOlena.delete("/api/deals/leads/" + olenasLead).status()).isEqualTo(204);
        assertThat(asOlena.delete("/api/deals/deals/" + olenasDeal).status()).isEqualTo(204);
    }

    @Test
    void aSupervisorDeletesTheCardsOfTheirDepartmentTreeOnly() {
        Company company = new Company(port);
        UUID sales = UUID.randomUUID();
        company.department(sales, null);
        UUID supervisor = company.hire("SUPERVISOR", sales);
        UUID inSales = company.hire("MANAGER", sales);
        UUID elsewhere = company.hire("MANAGER", null);
        String salesDeal = create(company.asMemberOf(sales, inSales, "MANAGER"), "/api/deals/deals", Map.of("amount", 1));
        String otherDeal = create(company.as(elsewhere, "MANAGER"), "/api/deals/deals", Map.of("amount", 2));
        var boss = company.asMemberOf(sales, supervisor, "SUPERVISOR");

        assertThat(boss.delete("/api/deals/deals/" + otherDeal).status()).isEqualTo(404);
        assertThat(boss.delete("/api/deals/deals/" + salesDeal).status()).isEqualTo(204);
        assertThat(company.admin().get("/api/deals/deals/" + otherDeal).status()).isEqualTo(200);
    }

    @Test
    void aStaleVersionDeletesNothing() {
        Company company = new Company(port);
        var api = company.admin();
        String lead = create(api, "/api/deals/leads", Map.of("contactName", "Changed meanwhile"));
        String deal = create(api, "/api/deals/deals", Map.of("amount", 5));
        api.patch("/api/deals/leads/" + lead, Map.of("comment", "called back"));
        api.patch("/api/deals/deals/" + deal, Map.of("amount", 6));

        var staleLead = api.delete("/api/deals/leads/" + lead + "?version=0");
        var staleDeal = api.delete("/api/deals/deals/" + deal + "?version=0");

        assertThat(staleLead.status()).isEqualTo(409);
        assertThat(staleLead.json().get("type").asString()).isEqualTo("/problems/conflict");
        assertThat(staleDeal.status()).isEqualTo(409);
        assertThat(api.get("/api/deals/leads/" + lead).status()).isEqualTo(200);
        assertThat(api.get("/api/deals/deals/" + deal).status()).isEqualTo(200);
        assertThat(listed(api)).containsExactlyInAnyOrder(lead, deal);
    }

    @Test
    void aShopOrdersDealIsTheShopsAndIsNotDeleted() throws Exception {
        Company company = new Company(port);
        String orderId = "o-" + UUID.randomUUID().toString().substring(0, 8);
        var shop = ApiClient.onPort(port).withToken(TestTokens.integrationToken(company.tenant, UUID.randomUUID(),
                "shop:write"));
        var order = shop.post("/api/integrations/shop/orders", """
                {"orderId": "%s", "version": 1, "currency": "UAH",
                 "customer": {"customerId": "c-1", "name": "Olena Kovalenko", "phone": "+380671234567"},
                 "lines": [{"sku": "ANC-860", "name": "Anchor", "quantity": 2, "unitPrice": 12.50}]}"""
                .formatted(orderId));
        assertThat(order.status()).as(order.body()).isEqualTo(202);
        String deal = order.json().get("dealId").asString();

        var refused = company.admin().delete("/api/deals/deals/" + deal);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("type").asString()).isEqualTo("/problems/conflict");
        assertThat(refused.json().get("detail").asString()).contains("shop").contains(orderId);
        assertThat(company.admin().get("/api/deals/deals/" + deal).status()).isEqualTo(200);
        assertThat(Company.count("select count(*) from deal_line where deal_id = ?", UUID.fromString(deal)))
                .as("its lines kept").isEqualTo(1);
        assertThat(Company.count("select count(*) from stage_change where card_id = ?", UUID.fromString(deal)))
                .as("its history kept").isEqualTo(1);
    }

    @Test
    void aDealAContractNamesIsKeptUntilTheContractLetsGo() {
        Company company = new Company(port);
        var api = company.admin();
        String deal = create(api, "/api/deals/deals", Map.of("amount", 12000));
        String contract = create(api, "/api/deals/contracts", Map.of("title", "Support 2026", "contactId",
                UUID.randomUUID().toString(), "amount", "12000.00", "startDate", "2026-01-01", "dealId", deal));

        var refused = api.delete("/api/deals/deals/" + deal);
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().get("detail").asString()).contains("contract");
        assertThat(api.get("/api/deals/deals/" + deal).status()).isEqualTo(200);
        assertThat(api.get("/api/deals/deals/" + deal + "/stages").json().get("items").size()).isEqualTo(1);

        assertThat(api.patch("/api/deals/contracts/" + contract, "{\"dealId\": null}").status()).isEqualTo(200);
        assertThat(api.delete("/api/deals/deals/" + deal).status()).isEqualTo(204);
    }
}
