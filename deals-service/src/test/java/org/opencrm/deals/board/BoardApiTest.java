package org.opencrm.deals.board;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.deals.Company;
import org.opencrm.platform.starter.web.NewestFirst;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The kanban board: columns in stage order with counts, sums per currency and pages of cards; its filters. */
@CrmIntegrationTest
class BoardApiTest {

    @LocalServerPort
    int port;

    private static JsonNode column(JsonNode board, String code) {
        for (JsonNode column : board.get("columns")) {
            if (code.equals(column.path("code").asString(null))) {
                return column;
            }
        }
        throw new AssertionError("No column " + code);
    }

    @Test
    void aDealBoardCountsAndSumsEachColumnPerCurrencyAndPagesItsCardsNewestFirst() {
        Company company = new Company(port);
        var api = company.admin();
        String orders = company.pipelineId("orders");
        String assembly = company.stageId("orders", "order-assembly");
        List<String> inAssembly = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            inAssembly.add(api.post("/api/deals/deals", Map.of("title", "Order " + i, "amount", "10.50",
                    "stageId", assembly)).json().get("id").asString());
        }
        api.post("/api/deals/deals", Map.of("title", "In euro", "amount", "7", "currency", "EUR", "stageId", assembly));
        api.post("/api/deals/deals", Map.of("title", "New one", "amount", "100"));

        var response = api.get("/api/deals/pipelines/" + orders + "/board");

        assertThat(response.status()).as(response.body()).isEqualTo(200);
        var board = response.json();
        assertThat(board.get("cards").asString()).isEqualTo("DEAL");
        assertThat(Company.each(board.get("columns"), "code")).containsExactly("new-order", "order-assembly",
                "order-shipped", "parcel-picked-up", "successful", "failed");
        var column = column(board, "order-assembly");
        assertThat(column.get("count").asLong()).isEqualTo(24);
        assertThat(column.get("sums").toString()).contains("\"currency\":\"EUR\"").contains("\"currency\":\"UAH\"");
        for (JsonNode sum : column.get("sums")) {
            assertThat(sum.get("amount").decimalValue())
                    .isEqualByComparingTo(sum.get("currency").asString().equals("UAH") ? "241.50" : "7.00");
        }
        assertThat(column.get("cards").size()).isEqualTo(20);
        assertThat(column.get("cards").get(0).get("title").asString()).as("newest first").isEqualTo("In euro");
        assertThat(column(board, "new-order").get("count").asLong()).isEqualTo(1);
        assertThat(column(board, "new-order").get("nextCursor").isNull()).isTrue();
        assertThat(column(board, "order-shipped").get("cards").size()).isZero();

        var more = api.get("/api/deals/pipelines/" + orders + "/board/stages/" + assembly + "?cursor="
                + column.get("nextCursor").asString());
        assertThat(more.status()).as(more.body()).isEqualTo(200);
        assertThat(more.json().get("cards").size()).isEqualTo(4);
        assertThat(more.json().get("nextCursor").isNull()).isTrue();
        List<String> all = new ArrayList<>(column.get("cards").findValuesAsString("id"));
        all.addAll(more.json().get("cards").findValuesAsString("id"));
        assertThat(all).doesNotHaveDuplicates().containsAll(inAssembly);
        var card = column.get("cards").get(1);
        assertThat(card.get("number").asLong()).isPositive();
        assertThat(card.get("version").asLong()).isZero();
        assertThat(card.get("ownerId").asString()).isEqualTo(company.admin.toString());
        assertThat(card.get("paymentStatus").asString()).isEqualTo("NOT_PAID");
    }

    @Test
    void theBoardFiltersByResponsibleSourcePaymentDateAndSearch() {
        Company company = new Company(port);
        var api = company.admin();
        UUID manager = company.hire("MANAGER", null);
        String orders = company.pipelineId("orders");
        api.post("/api/deals/deals", Map.of("title", "Paid by card", "amount", 5, "paymentStatus", "SUCCESSFUL",
                "source", "shop", "ownerId", manager.toString()));
        api.post("/api/deals/deals", Map.of("title", "Cash on delivery", "amount", 6, "source", "incoming-call"));
        String board = "/api/deals/pipelines/" + orders + "/board";

        assertThat(titles(api.get(board + "?owner=" + manager).json())).containsExactly("Paid by card");
        assertThat(titles(api.get(board + "?source=incoming-call").json())).containsExactly("Cash on delivery");
        assertThat(titles(api.get(board + "?paymentStatus=SUCCESSFUL").json())).containsExactly("Paid by card");
        assertThat(titles(api.get(board + "?q=delivery").json())).containsExactly("Cash on delivery");
        assertThat(titles(api.get(board + "?createdFrom=" + Instant.now().plusSeconds(60)).json())).isEmpty();
        assertThat(column(api.get(board + "?owner=" + manager).json(), "new-order").get("count").asLong()).isEqualTo(1);
        assertThat(api.get(board + "?paymentStatus=MAYBE").status()).isEqualTo(400);
        assertThat(api.get("/api/deals/pipelines/" + company.pipelineId("leads") + "/board?paymentStatus=PAID").json()
                .get("errors").findValuesAsString("field")).containsExactly("paymentStatus");
    }

    @Test
    void aLeadBoardShowsWhoAskedAndCountsWithoutSums() {
        Company company = new Company(port);
        var api = company.admin();
        api.post("/api/deals/leads", Map.of("contactName", "Антонов Артем", "phone", "+380996453478",
                "sourceDetail", "FB - Саморезы"));

        var board = api.get("/api/deals/pipelines/" + company.pipelineId("leads") + "/board").json();

        assertThat(board.get("cards").asString()).isEqualTo("LEAD");
        var column = column(board, "new-request");
        assertThat(column.get("count").asLong()).isEqualTo(1);
        assertThat(column.get("sums").size()).isZero();
        var card = column.get("cards").get(0);
        assertThat(card.get("contactName").asString()).isEqualTo("Антонов Артем");
        assertThat(card.get("phone").asString()).isEqualTo("+380996453478");
        assertThat(card.get("sourceDetail").asString()).isEqualTo("FB - Саморезы");
        assertThat(api.get("/api/deals/pipelines/" + company.pipelineId("leads") + "/board?q=0996453478").json()
                .get("columns").get(0).get("count").asLong()).as("a phone typed locally").isEqualTo(1);
    }

    @Test
    void aManagerSeesOnlyTheirOwnAndUnassignedCardsOnTheBoardAndItsCounts() {
        Company company = new Company(port);
        var api = company.admin();
        UUID olena = company.hire("MANAGER", null);
        UUID taras = company.hire("MANAGER", null);
        api.post("/api/deals/deals", Map.of("title", "Olena's", "amount", 1, "ownerId", olena.toString()));
        api.post("/api/deals/deals", Map.of("title", "Taras's", "amount", 2, "ownerId", taras.toString()));
        String unassigned = api.post("/api/deals/deals", Map.of("title", "Nobody's", "amount", 4)).json().get("id")
                .asString();
        api.patch("/api/deals/deals/" + unassigned, "{\"ownerId\": null}");

        var board = company.as(olena, "MANAGER").get("/api/deals/pipelines/" + company.pipelineId("orders") + "/board")
                .json();

        assertThat(titles(board)).containsExactlyInAnyOrder("Olena's", "Nobody's");
        assertThat(column(board, "new-order").get("count").asLong()).isEqualTo(2);
        assertThat(column(board, "new-order").get("sums").get(0).get("amount").decimalValue()).isEqualByComparingTo("5");
    }

    private static List<String> titles(JsonNode board) {
        List<String> titles = new ArrayList<>();
        board.get("columns").forEach(column -> column.get("cards").forEach(card -> titles.add(card.get("title").asString())));
        return titles;
    }
}
