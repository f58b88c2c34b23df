package org.opencrm.deals.deal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.deals.Company;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Deals through HTTP: opened with lines, moved to won or lost, corrected; bad input refused. */
@CrmIntegrationTest
class DealApiTest {

    @LocalServerPort
    int port;

    private static String product(ApiClient api, String name, String price, String currency) {
        var created = api.post("/api/deals/products", Map.of("name", name, "price", price, "currency", currency));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void aDealWithLinesIsWorthTheirTotal() {
        Company company = new Company(port);
        var api = company.admin();
        String anchors = product(api, "Anchor 8x60", "12.50", "UAH");
        String mounting = product(api, "Mounting", "300", "UAH");

        var created = api.post("/api/deals/deals", Map.of("title", "Warehouse shelves", "amount", 1, "lines", List.of(
                Map.of("productId", anchors, "quantity", 100, "discountPercent", 10),
                Map.of("productId", mounting, "quantity", 1, "unitPrice", "250.00", "name", "Mounting, 2 hours"))));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        var deal = created.json();
        assertThat(deal.get("number").asLong()).isEqualTo(1);
        assertThat(deal.get("currency").asString()).as("the company's default").isEqualTo("UAH");
        assertThat(deal.get("amount").decimalValue()).as("100 × 12.50 − 10% + 250").isEqualByComparingTo("1375.00");
        assertThat(deal.get("lines").findValuesAsString("name")).containsExactly("Anchor 8x60", "Mounting, 2 hours");
        assertThat(deal.get("lines").get(0).get("total").decimalValue()).isEqualByComparingTo("1125.00");
        assertThat(deal.get("status").asString()).isEqualTo("OPEN");
        assertThat(deal.get("paymentStatus").asString()).isEqualTo("NOT_PAID");
        assertThat(deal.get("stageId").asString()).isEqualTo(company.stageId("orders", "new-order"));

        String id = deal.get("id").asString();
        var fewer = api.patch("/api/deals/deals/" + id, Map.of("lines", List.of(Map.of("productId", anchors,
                "quantity", 4)), "paymentStatus", "SUCCESSFUL", "paymentType", "CARD_ONLINE"));
        assertThat(fewer.status()).as(fewer.body()).isEqualTo(200);
        assertThat(fewer.json().get("amount").decimalValue()).isEqualByComparingTo("50.00");
        assertThat(fewer.json().get("paymentType").asString()).isEqualTo("CARD_ONLINE");
        var noLines = api.patch("/api/deals/deals/" + id, "{\"lines\": null, \"amount\": 99.99}");
        assertThat(noLines.json().get("amount").decimalValue()).isEqualByComparingTo("99.99");
        assertThat(noLines.json().get("lines").size()).isZero();
    }

    @Test
    void aDealIsWonOrLostByTheStageItMovesToAndALostStageNeedsAReason() {
        Company company = new Company(port);
        var api = company.admin();
        var deal = api.post("/api/deals/deals", Map.of("title", "Order 555555", "amount", "320.00")).json();
        String id = deal.get("id").asString();

        var shipped = api.post("/api/deals/deals/" + id + "/move", Map.of("stageId",
                company.stageId("orders", "order-shipped"), "version", deal.get("version").asLong()));
        var won = api.post("/api/deals/deals/" + id + "/move", Map.of("stageId",
                company.stageId("orders", "successful"), "version", shipped.json().get("version").asLong()));
        var lostWithoutReason = api.post("/api/deals/deals/" + id + "/move", Map.of("stageId",
                company.stageId("orders", "failed"), "version", won.json().get("version").asLong()));
        var lost = api.post("/api/deals/deals/" + id + "/move", Map.of("stageId", company.stageId("orders", "failed"),
                "version", won.json().get("version").asLong(), "lostReason", "The parcel was not picked up"));
        var stale = api.post("/api/deals/deals/" + id + "/move", Map.of("stageId",
                company.stageId("orders", "new-order"), "version", won.json().get("version").asLong()));

        assertThat(shipped.status()).as(shipped.body()).isEqualTo(200);
        assertThat(won.json().get("status").asString()).isEqualTo("WON");
        assertThat(won.json().get("closedAt").isNull()).isFalse();
        assertThat(lostWithoutReason.status()).isEqualTo(400);
        assertThat(lostWithoutReason.json().get("errors").findValuesAsString("field")).containsExactly("lostReason");
        assertThat(lost.status()).as(lost.body()).isEqualTo(200);
        assertThat(lost.json().get("status").asString()).isEqualTo("LOST");
        assertThat(lost.json().get("lostReason").asString()).isEqualTo("The parcel was not picked up");
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("type").asString()).isEqualTo("/problems/conflict");
        assertThat(api.get("/api/deals/deals/" + id).json().get("status").asString()).as("nothing moved").isEqualTo("LOST");
        var history = api.get("/api/deals/deals/" + id + "/stages").json().get("items");
        assertThat(history.findValuesAsString("toCode")).containsExactly("new-order", "order-shipped", "successful",
                "failed");
        assertThat(history.get(0).get("secondsInStage").isNull()).isFalse();
        assertThat(history.get(3).get("secondsInStage").isNull()).as("still there").isTrue();
    }

    @Test
    void aDealMovesOnlyWithinItsPipelineUnlessAnotherDealPipelineIsNamed() {
        Company company = new Company(port);
        var api = company.admin();
        var deal = api.post("/api/deals/deals", Map.of("amount", 10)).json();
        String id = deal.get("id").asString();
        var wholesale = api.post("/api/deals/pipelines", Map.of("name", "Wholesale", "kind", "DEAL", "stages", List.of(
                Map.of("name", "Talks", "outcome", "OPEN"), Map.of("name", "Paid", "outcome", "WON"),
                Map.of("name", "Refused", "outcome", "LOST")))).json();
        String talks = wholesale.get("stages").get(0).get("id").asString();

        var stageOfAnother = api.post("/api/deals/deals/" + id + "/move", Map.of("stageId", talks, "version", 0));
        var leadStage = api.post("/api/deals/deals/" + id + "/move", Map.of("stageId",
                company.stageId("leads", "qualification"), "version", 0, "pipelineId", company.pipelineId("leads")));
        var transferred = api.post("/api/deals/deals/" + id + "/move", Map.of("stageId", talks, "version", 0,
                "pipelineId", wholesale.get("id").asString()));

        assertThat(stageOfAnother.status()).isEqualTo(400);
        assertThat(stageOfAnother.json().get("errors").findValuesAsString("field")).containsExactly("stageId");
        assertThat(leadStage.status()).isEqualTo(400);
        assertThat(leadStage.json().get("errors").findValuesAsString("field")).containsExactly("pipelineId");
        assertThat(transferred.status()).as(transferred.body()).isEqualTo(200);
        assertThat(transferred.json().get("pipelineId").asString()).isEqualTo(wholesale.get("id").asString());
    }

    @Test
    void eachBadInputIsRefusedNamingItsFieldAndNoDealIsOpened() throws Exception {
        Company company = new Company(port);
        var api = company.admin();
        String euroProduct = product(api, "Imported drill", "120", "EUR");
        String foreignProduct = product(new Company(port).admin(), "Another company's", "1", "UAH");

        Map<String, ApiClient.Response> refused = new LinkedHashMap<>();
        refused.put("amount", api.post("/api/deals/deals", Map.of("amount", -1)));
        refused.put("currency", api.post("/api/deals/deals", Map.of("amount", 1, "currency", "XYZ")));
        refused.put("lines[0].productId", api.post("/api/deals/deals", Map.of("lines", List.of(Map.of("quantity", 1)))));
        refused.put("lines[1].productId", api.post("/api/deals/deals", Map.of("lines", List.of(
                Map.of("productId", euroProduct, "quantity", 1, "unitPrice", 5),
                Map.of("productId", foreignProduct, "quantity", 1)))));
        refused.put("lines[0].quantity", api.post("/api/deals/deals", Map.of("lines", List.of(
                Map.of("productId", euroProduct, "quantity", 0, "unitPrice", 5)))));
        refused.put("lines[0].unitPrice", api.post("/api/deals/deals", Map.of("lines", List.of(
                Map.of("productId", euroProduct, "quantity", 1)))));
        refused.put("lines[0].discountPercent", api.post("/api/deals/deals", Map.of("lines", List.of(
                Map.of("productId", euroProduct, "quantity", 1, "unitPrice", 5, "discountPercent", 101)))));
        refused.put("stageId", api.post("/api/deals/deals", Map.of("stageId", UUID.randomUUID().toString())));
        refused.put("pipelineId", api.post("/api/deals/deals", Map.of("pipelineId", UUID.randomUUID().toString())));
        refused.put("lostReason", api.post("/api/deals/deals", Map.of("stageId", company.stageId("orders", "failed"))));
        refused.put("paymentStatus", api.post("/api/deals/deals", Map.of("paymentStatus", "ALMOST_PAID")));
        var stageOfAnother = api.post("/api/deals/deals", Map.of("pipelineId", company.pipelineId("orders"),
                "stageId", company.stageId("leads", "new-request")));

        refused.forEach((field, response) -> {
            assertThat(response.status()).as(field + ": " + response.body()).isEqualTo(400);
            if (!field.equals("paymentStatus")) {
                assertThat(response.json().get("errors").findValuesAsString("field")).as(field).containsExactly(field);
            }
        });
        assertThat(stageOfAnother.status()).isEqualTo(400);
        assertThat(stageOfAnother.json().get("errors").findValuesAsString("field")).containsExactly("stageId");
        assertThat(Company.count("select count(*) from deal where tenant_id = ?", company.tenant)).isZero();
    }

    @Test
    void aShopOrderBelongsToOneDealOfTheCompany() {
        Company company = new Company(port);
        var api = company.admin();

        var first = api.post("/api/deals/deals", Map.of("shopOrderId", "444444", "amount", 1));
        var second = api.post("/api/deals/deals", Map.of("shopOrderId", "444444", "amount", 2));
        var otherCompany = new Company(port).admin().post("/api/deals/deals", Map.of("shopOrderId", "444444"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.json().get("detail").asString()).contains("shopOrderId");
        assertThat(otherCompany.status()).isEqualTo(201);
    }

    @Test
    void productsAreKeptByAnAdministratorOrAMarketerAndReadByEveryone() {
        Company company = new Company(port);
        var manager = company.as(UUID.randomUUID(), "MANAGER");
        var marketer = company.as(UUID.randomUUID(), "MARKETER");

        var byManager = manager.post("/api/deals/products", Map.of("name", "Consulting", "price", 100));
        var byMarketer = marketer.post("/api/deals/products", Map.of("name", "Consulting", "price", 100,
                "kind", "SERVICE", "sku", "CONS-1"));
        var sameSku = marketer.post("/api/deals/products", Map.of("name", "Consulting 2", "price", 100, "sku", "CONS-1"));
        var negative = marketer.post("/api/deals/products", Map.of("name", "Gift", "price", -5));
        String id = byMarketer.json().get("id").asString();
        var deactivated = marketer.patch("/api/deals/products/" + id, Map.of("active", false));

        assertThat(byManager.status()).isEqualTo(403);
        assertThat(byMarketer.status()).as(byMarketer.body()).isEqualTo(201);
        assertThat(byMarketer.json().get("currency").asString()).isEqualTo("UAH");
        assertThat(sameSku.status()).isEqualTo(400);
        assertThat(sameSku.json().get("errors").findValuesAsString("field")).containsExactly("sku");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(deactivated.json().get("active").asBoolean()).isFalse();
        assertThat(manager.get("/api/deals/products?q=consult").json().get("items").findValuesAsString("id"))
                .containsExactly(id);
        assertThat(new Company(port).admin().get("/api/deals/products/" + id).status()).isEqualTo(404);

        var deal = company.admin().post("/api/deals/deals", Map.of("lines", List.of(Map.of("productId", id,
                "quantity", 2))));
        assertThat(deal.status()).as(deal.body()).isEqualTo(201);
        assertThat(marketer.delete("/api/deals/products/" + id).status()).as("on a deal line").isEqualTo(400);
        String unused = marketer.post("/api/deals/products", Map.of("name", "Unused", "price", 1)).json().get("id")
                .asString();
        assertThat(marketer.delete("/api/deals/products/" + unused).status()).isEqualTo(204);
    }

    @SuppressWarnings("unused")
    private static Map<String, Object> map(Object... pairs) {
        Map<String, Object> map = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put((String) pairs[i], pairs[i + 1]);
        }
        return map;
    }
}
