package org.opencrm.deals.access;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.deals.Company;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who sees and changes which leads and deals, by role, exactly as for clients; and another company's are not found. */
@CrmIntegrationTest
class AccessTest {

    @LocalServerPort
    int port;

    private static String create(ApiClient as, String path, Map<String, Object> body) {
        var created = as.post(path, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void managersSeeAndChangeTheirOwnAndUnassignedLeadsAndDealsOnly() {
        Company company = new Company(port);
        UUID olena = company.hire("MANAGER", null);
        UUID taras = company.hire("MANAGER", null);
        var asOlena = company.as(olena, "MANAGER");
        var asTaras = company.as(taras, "MANAGER");
        String olenasLead = create(asOlena, "/api/deals/leads", Map.of("contactName", "Olena's client"));
        String olenasDeal = create(asOlena, "/api/deals/deals", Map.of("title", "Olena's deal"));
        String nobodys = create(asTaras, "/api/deals/leads", Map.of("contactName", "Nobody's", "ownerId", taras.toString()));
        asTaras.patch("/api/deals/leads/" + nobodys, "{\"ownerId\": null}");

        assertThat(asTaras.get("/api/deals/leads/" + olenasLead).status()).isEqualTo(404);
        assertThat(asTaras.get("/api/deals/deals/" + olenasDeal).status()).isEqualTo(404);
        assertThat(asTaras.post("/api/deals/deals/" + olenasDeal + "/move", Map.of("stageId",
                company.stageId("orders", "order-shipped"), "version", 0)).status()).isEqualTo(404);
        assertThat(asTaras.post("/api/deals/leads/" + olenasLead + "/convert", Map.of()).status()).isEqualTo(404);
        assertThat(asTaras.get("/api/deals/leads/" + olenasLead + "/comments").status()).isEqualTo(404);
        assertThat(asTaras.get("/api/deals/items").json().get("items").findValuesAsString("id")).containsExactly(nobodys);
        assertThat(asTaras.post("/api/deals/leads", Map.of("contactName", "For Olena", "ownerId", olena.toString()))
                .status()).as("a manager does not hand leads to others").isEqualTo(403);
        assertThat(asOlena.get("/api/deals/items").json().get("items").findValuesAsString("id"))
                .containsExactlyInAnyOrder(olenasLead, olenasDeal, nobodys);
        assertThat(company.admin().get("/api/deals/deals/" + olenasDeal).status()).isEqualTo(200);
    }

    @Test
    void aSupervisorSeesTheLeadsAndDealsOfTheirDepartmentTree() {
        Company company = new Company(port);
        UUID sales = UUID.randomUUID();
        UUID retail = UUID.randomUUID();
        company.department(sales, null);
        company.department(retail, sales);
        UUID supervisor = company.hire("SUPERVISOR", sales);
        UUID inRetail = company.hire("MANAGER", retail);
        UUID elsewhere = company.hire("MANAGER", null);
        String retailDeal = create(company.asMemberOf(retail, inRetail, "MANAGER"), "/api/deals/deals",
                Map.of("title", "Retail"));
        String otherDeal = create(company.as(elsewhere, "MANAGER"), "/api/deals/deals", Map.of("title", "Other"));
        var boss = company.asMemberOf(sales, supervisor, "SUPERVISOR");

        assertThat(boss.get("/api/deals/deals/" + retailDeal).status()).isEqualTo(200);
        assertThat(boss.get("/api/deals/deals/" + otherDeal).status()).isEqualTo(404);
        assertThat(boss.get("/api/deals/deals").json().get("items").findValuesAsString("id")).containsExactly(retailDeal);
        assertThat(boss.patch("/api/deals/deals/" + retailDeal, Map.of("ownerId", supervisor.toString())).status())
                .as("handed within the department").isEqualTo(200);
    }

    @Test
    void aMarketerReadsEveryLeadAndDealButChangesNoneAndADeveloperSeesNone() {
        Company company = new Company(port);
        UUID manager = company.hire("MANAGER", null);
        String deal = create(company.as(manager, "MANAGER"), "/api/deals/deals", Map.of("title", "Read me"));
        String lead = create(company.as(manager, "MANAGER"), "/api/deals/leads", Map.of("contactName", "Read me"));
        var marketer = company.as(UUID.randomUUID(), "MARKETER");
        var developer = company.as(UUID.randomUUID(), "DEVELOPER");

        assertThat(marketer.get("/api/deals/deals/" + deal).status()).isEqualTo(200);
        assertThat(marketer.get("/api/deals/items").json().get("items").size()).isEqualTo(2);
        assertThat(marketer.get("/api/deals/pipelines/" + company.pipelineId("orders") + "/board").status())
                .isEqualTo(200);
        assertThat(marketer.patch("/api/deals/deals/" + deal, Map.of("title", "Mine")).status()).isEqualTo(403);
        assertThat(marketer.post("/api/deals/deals", Map.of("title", "New")).status()).isEqualTo(403);
        assertThat(marketer.post("/api/deals/leads/" + lead + "/convert", Map.of()).status()).isEqualTo(403);
        assertThat(marketer.post("/api/deals/deals/" + deal + "/lose", Map.of("reason", "x")).status()).isEqualTo(403);
        assertThat(company.as(manager, "MANAGER").get("/api/deals/deals/" + deal).json().get("title").asString())
                .as("nothing changed").isEqualTo("Read me");
        assertThat(developer.get("/api/deals/items").status()).isEqualTo(403);
        assertThat(developer.get("/api/deals/deals/" + deal).status()).isEqualTo(403);
        assertThat(developer.get("/api/deals/pipelines/" + company.pipelineId("orders") + "/board").status())
                .isEqualTo(403);
    }

    @Test
    void anotherCompanysLeadsAndDealsAreNotFoundWhateverTheRole() {
        Company company = new Company(port);
        Company stranger = new Company(port);
        String lead = create(company.admin(), "/api/deals/leads", Map.of("contactName", "Mine"));
        String deal = create(company.admin(), "/api/deals/deals", Map.of("title", "Mine"));
        var admin = stranger.admin();

        assertThat(admin.get("/api/deals/leads/" + lead).status()).isEqualTo(404);
        assertThat(admin.get("/api/deals/deals/" + deal).status()).isEqualTo(404);
        assertThat(admin.patch("/api/deals/deals/" + deal, Map.of("title", "Taken")).status()).isEqualTo(404);
        assertThat(admin.post("/api/deals/deals/" + deal + "/move", Map.of("stageId",
                stranger.stageId("orders", "order-shipped"), "version", 0)).status()).isEqualTo(404);
        assertThat(admin.post("/api/deals/leads/" + lead + "/convert", Map.of()).status()).isEqualTo(404);
        assertThat(admin.get("/api/deals/deals/" + deal + "/stages").status()).isEqualTo(404);
        assertThat(admin.post("/api/deals/deals/" + deal + "/comments", Map.of("body", "hi")).status()).isEqualTo(404);
        assertThat(admin.get("/api/deals/items").json().get("items").size()).isZero();
        assertThat(admin.post("/api/deals/deals", Map.of("stageId", company.stageId("orders", "new-order"))).status())
                .as("another company's stage is unknown").isEqualTo(400);
        assertThat(company.admin().get("/api/deals/deals/" + deal).json().get("title").asString()).isEqualTo("Mine");
    }

    @Test
    void theApiRefusesRequestsWithoutAValidToken() {
        Company company = new Company(port);
        String path = "/api/deals/pipelines/" + UUID.randomUUID() + "/board";

        assertThat(ApiClient.onPort(port).get("/api/deals/items").status()).isEqualTo(401);
        assertThat(ApiClient.onPort(port).withToken(TestTokens.expiredAccessToken(company.tenant, company.admin, "ADMIN"))
                .get(path).status()).isEqualTo(401);
        assertThat(ApiClient.onPort(port).withToken(TestTokens.tokenSignedByAnotherKey(company.tenant, company.admin,
                "ADMIN")).post("/api/deals/deals", Map.of()).status()).isEqualTo(401);
        assertThat(ApiClient.onPort(port).get("/api/deals/items").json().get("type").asString())
                .isEqualTo("/problems/unauthorized");
    }
}
