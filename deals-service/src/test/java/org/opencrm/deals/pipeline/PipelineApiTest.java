package org.opencrm.deals.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.deals.Company;
import org.opencrm.platform.events.identity.TenantCreated;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Pipelines and stages: seeding, the rules every pipeline keeps, and who changes them. */
@CrmIntegrationTest
class PipelineApiTest {

    @LocalServerPort
    int port;

    private static List<String> codes(JsonNode stages) {
        return Company.each(stages, "code");
    }

    @Test
    void aNewCompanyGetsTheLeadFunnelAndTheOrderFunnelOnceWhenIdentityAnnouncesIt() throws Exception {
        Company company = new Company(port);

        TopicProbe.publish(new TenantCreated(company.tenant, "Kovalenko Trading", company.admin, Instant.now()),
                company.tenant, null);
        await().until(() -> Company.count("select count(*) from pipeline where tenant_id = ?", company.tenant) == 2);
        TopicProbe.publish(new TenantCreated(company.tenant, "Kovalenko Trading", company.admin, Instant.now()),
                company.tenant, null);

        var pipelines = company.admin().get("/api/deals/pipelines").json();
        assertThat(Company.each(pipelines, "code")).containsExactly("leads", "orders");
        assertThat(pipelines.get(0).get("kind").asString()).isEqualTo("LEAD");
        assertThat(codes(pipelines.get(0).get("stages"))).containsExactly("new-request", "qualification",
                "not-reached", "order-forming", "ready-to-order", "converted", "failed");
        assertThat(pipelines.get(0).get("stages").findValuesAsString("outcome"))
                .containsExactly("OPEN", "OPEN", "OPEN", "OPEN", "OPEN", "WON", "LOST");
        assertThat(codes(pipelines.get(1).get("stages"))).containsExactly("new-order", "order-assembly",
                "order-shipped", "parcel-picked-up", "successful", "failed");
        assertThat(Company.count("select count(*) from pipeline where tenant_id = ?", company.tenant)).isEqualTo(2);
    }

    @Test
    void theBoardOpenedBeforeTheAnnouncementArrivesSeedsTheFunnelsOnFirstUse() throws Exception {
        Company company = new Company(port);

        var leads = company.as(UUID.randomUUID(), "MANAGER").get("/api/deals/pipelines?kind=LEAD");
        var again = company.admin().get("/api/deals/pipelines");

        assertThat(leads.status()).as(leads.body()).isEqualTo(200);
        assertThat(Company.each(leads.json(), "code")).containsExactly("leads");
        assertThat(Company.each(again.json(), "code")).containsExactly("leads", "orders");
        assertThat(Company.count("select count(*) from stage where tenant_id = ?", company.tenant)).isEqualTo(13);
    }

    @Test
    void anAdministratorBuildsAPipelineWithOneWonStageAndAtLeastOneOpenAndOneLostStage() {
        Company company = new Company(port);
        var api = company.admin();

        var noWon = api.post("/api/deals/pipelines", Map.of("name", "Wholesale", "kind", "DEAL", "stages", List.of(
                Map.of("name", "Talks", "outcome", "OPEN"), Map.of("name", "Refused", "outcome", "LOST"))));
        var twoWon = api.post("/api/deals/pipelines", Map.of("name", "Wholesale", "kind", "DEAL", "stages", List.of(
                Map.of("name", "Talks", "outcome", "OPEN"), Map.of("name", "Paid", "outcome", "WON"),
                Map.of("name", "Shipped", "outcome", "WON"), Map.of("name", "Refused", "outcome", "LOST"))));
        var badColour = api.post("/api/deals/pipelines", Map.of("name", "Wholesale", "kind", "DEAL", "stages", List.of(
                Map.of("name", "Talks", "outcome", "OPEN", "color", "red; drop table"))));
        var created = api.post("/api/deals/pipelines", Map.of("name", "Wholesale", "kind", "DEAL", "stages", List.of(
                Map.of("name", "Talks", "outcome", "OPEN", "color", "#123abc"), Map.of("name", "Paid", "outcome", "WON"),
                Map.of("name", "Refused", "outcome", "LOST"))));

        assertThat(noWon.status()).isEqualTo(400);
        assertThat(noWon.json().get("errors").findValuesAsString("field")).containsExactly("stages");
        assertThat(twoWon.status()).isEqualTo(400);
        assertThat(badColour.status()).isEqualTo(400);
        assertThat(badColour.json().get("errors").findValuesAsString("field")).containsExactly("stages[0].color");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().get("stages").findValuesAsString("name")).containsExactly("Talks", "Paid", "Refused");
        assertThat(created.json().get("position").asInt()).isEqualTo(1);
        assertThat(Company.each(api.get("/api/deals/pipelines?kind=DEAL").json(), "id"))
                .containsExactly(company.pipelineId("orders"), created.json().get("id").asString());
    }

    @Test
    void stagesAreAddedRenamedAndReorderedButNeverBreakTheRules() {
        Company company = new Company(port);
        var api = company.admin();
        String orders = company.pipelineId("orders");
        String successful = company.stageId("orders", "successful");
        String failed = company.stageId("orders", "failed");

        var secondWon = api.post("/api/deals/pipelines/" + orders + "/stages", Map.of("name", "Paid", "outcome", "WON"));
        var added = api.post("/api/deals/pipelines/" + orders + "/stages", Map.of("name", "Awaiting payment",
                "outcome", "OPEN"));
        var renamed = api.patch("/api/deals/pipelines/" + orders + "/stages/" + failed,
                Map.of("name", "Refused at the post office"));
        var lastLostOpened = api.patch("/api/deals/pipelines/" + orders + "/stages/" + failed, Map.of("outcome", "OPEN"));
        var wonRemoved = api.delete("/api/deals/pipelines/" + orders + "/stages/" + successful);

        assertThat(secondWon.status()).isEqualTo(400);
        assertThat(secondWon.json().get("errors").findValuesAsString("field")).containsExactly("outcome");
        assertThat(added.status()).as(added.body()).isEqualTo(201);
        // a new open stage goes after the open ones, before the won and lost ones
        assertThat(added.json().get("stages").findValuesAsString("outcome"))
                .containsExactly("OPEN", "OPEN", "OPEN", "OPEN", "OPEN", "WON", "LOST");
        assertThat(added.json().get("stages").get(4).get("name").asString()).isEqualTo("Awaiting payment");
        assertThat(renamed.status()).as(renamed.body()).isEqualTo(200);
        JsonNode renamedStage = renamed.json().get("stages").get(6);
        assertThat(renamedStage.get("code").asString()).as("the code stays for the web app").isEqualTo("failed");
        assertThat(renamedStage.get("name").asString()).isEqualTo("Refused at the post office");
        assertThat(lastLostOpened.status()).isEqualTo(400);
        assertThat(wonRemoved.status()).isEqualTo(400);
        assertThat(wonRemoved.json().get("errors").findValuesAsString("field")).containsExactly("stageId");

        String awaiting = added.json().get("stages").get(4).get("id").asString();
        var moved = api.patch("/api/deals/pipelines/" + orders + "/stages/" + awaiting, Map.of("position", 0));
        assertThat(moved.json().get("stages").get(0).get("id").asString()).isEqualTo(awaiting);
        assertThat(moved.json().get("stages").findValuesAsString("position")).containsExactly("0", "1", "2", "3", "4",
                "5", "6");
    }

    @Test
    void aStageHoldingCardsGoesOnlyWithItsCardsMovedToAStageOfTheSameOutcome() throws Exception {
        Company company = new Company(port);
        var api = company.admin();
        String orders = company.pipelineId("orders");
        String assembly = company.stageId("orders", "order-assembly");
        String shipped = company.stageId("orders", "order-shipped");
        String successful = company.stageId("orders", "successful");
        String deal = api.post("/api/deals/deals", Map.of("title", "Anchors", "stageId", assembly)).json().get("id")
                .asString();

        var withoutTarget = api.delete("/api/deals/pipelines/" + orders + "/stages/" + assembly);
        var toWon = api.delete("/api/deals/pipelines/" + orders + "/stages/" + assembly + "?moveTo=" + successful);
        var toItself = api.delete("/api/deals/pipelines/" + orders + "/stages/" + assembly + "?moveTo=" + assembly);
        var stillThere = api.get("/api/deals/deals/" + deal).json().get("stageId").asString();
        var removed = api.delete("/api/deals/pipelines/" + orders + "/stages/" + assembly + "?moveTo=" + shipped);

        assertThat(withoutTarget.status()).isEqualTo(400);
        assertThat(withoutTarget.json().get("errors").findValuesAsString("field")).containsExactly("moveTo");
        assertThat(toWon.status()).isEqualTo(400);
        assertThat(toItself.status()).isEqualTo(400);
        assertThat(stillThere).as("nothing changed by a refused request").isEqualTo(assembly);
        assertThat(removed.status()).as(removed.body()).isEqualTo(200);
        assertThat(codes(removed.json().get("stages"))).doesNotContain("order-assembly");
        assertThat(api.get("/api/deals/deals/" + deal).json().get("stageId").asString()).isEqualTo(shipped);
        assertThat(api.get("/api/deals/deals/" + deal + "/stages").json().get("items").findValuesAsString("toStageId"))
                .containsExactly(assembly, shipped);
        assertThat(Company.count("select count(*) from stage where id = ?::uuid and deleted_at is not null", assembly))
                .as("kept for the history").isEqualTo(1);
    }

    @Test
    void onlyAnAdministratorChangesPipelinesAndADeveloperDoesNotEvenReadThem() {
        Company company = new Company(port);
        String orders = company.pipelineId("orders");
        var manager = company.as(UUID.randomUUID(), "MANAGER");

        assertThat(manager.get("/api/deals/pipelines/" + orders).status()).isEqualTo(200);
        assertThat(manager.patch("/api/deals/pipelines/" + orders, Map.of("name", "Mine")).status()).isEqualTo(403);
        assertThat(manager.post("/api/deals/pipelines/" + orders + "/stages", Map.of("name", "X", "outcome", "OPEN"))
                .status()).isEqualTo(403);
        assertThat(company.as(UUID.randomUUID(), "MARKETER").delete("/api/deals/pipelines/" + orders).status())
                .isEqualTo(403);
        assertThat(company.as(UUID.randomUUID(), "DEVELOPER").get("/api/deals/pipelines").status()).isEqualTo(403);
        assertThat(company.admin().get("/api/deals/pipelines/" + orders).json().get("name").isNull()).isTrue();
    }

    @Test
    void thePipelinesOfAnotherCompanyAreNotFound() {
        Company company = new Company(port);
        Company other = new Company(port);
        String orders = company.pipelineId("orders");

        assertThat(other.admin().get("/api/deals/pipelines/" + orders).status()).isEqualTo(404);
        assertThat(other.admin().patch("/api/deals/pipelines/" + orders, Map.of("name", "Taken")).status())
                .isEqualTo(404);
        assertThat(other.admin().get("/api/deals/pipelines/" + orders + "/board").status()).isEqualTo(404);
    }

    @Test
    void aPipelineHoldingCardsOrTheLastOfItsKindIsNotRemovedAndAnEmptyOneIs() {
        Company company = new Company(port);
        var api = company.admin();
        String leads = company.pipelineId("leads");
        String spare = api.post("/api/deals/pipelines", Map.of("name", "Events", "kind", "LEAD", "stages", List.of(
                Map.of("name", "New", "outcome", "OPEN"), Map.of("name", "Won", "outcome", "WON"),
                Map.of("name", "Lost", "outcome", "LOST")))).json().get("id").asString();
        api.post("/api/deals/leads", Map.of("contactName", "Olena", "pipelineId", spare));

        var holding = api.delete("/api/deals/pipelines/" + spare);
        var renamedSeeded = api.patch("/api/deals/pipelines/" + leads, Map.of("name", "Requests", "position", 1));

        assertThat(holding.status()).isEqualTo(400);
        assertThat(renamedSeeded.status()).as(renamedSeeded.body()).isEqualTo(200);
        assertThat(Company.each(api.get("/api/deals/pipelines?kind=LEAD").json(), "id")).containsExactly(spare, leads);
        String empty = api.post("/api/deals/pipelines", Map.of("name", "Empty", "kind", "LEAD", "stages", List.of(
                Map.of("name", "New", "outcome", "OPEN"), Map.of("name", "Won", "outcome", "WON"),
                Map.of("name", "Lost", "outcome", "LOST")))).json().get("id").asString();
        assertThat(api.delete("/api/deals/pipelines/" + empty).status()).isEqualTo(204);
        assertThat(api.get("/api/deals/pipelines/" + empty).status()).isEqualTo(404);
    }
}
