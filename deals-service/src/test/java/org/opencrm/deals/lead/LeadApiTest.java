package org.opencrm.deals.lead;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.deals.Company;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Leads through HTTP: taken in, moved, lost, converted into a deal once. */
@CrmIntegrationTest
class LeadApiTest {

    @LocalServerPort
    int port;

    private static Map<String, Object> lead(Object... more) {
        Map<String, Object> body = new HashMap<>(Map.of("contactName", "Антонов Артем", "phone", "099 645 34 78",
                "email", "Antonov@Example.com", "source", "facebook", "sourceDetail", "FB - Саморезы"));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    @Test
    void aLeadIsTakenInWithANumberItsPhoneInE164AndItsFirstStageRecorded() {
        Company company = new Company(port);
        var api = company.admin();

        var first = api.post("/api/deals/leads", lead());
        var second = api.post("/api/deals/leads", lead("contactName", "Olena"));

        assertThat(first.status()).as(first.body()).isEqualTo(201);
        var created = first.json();
        assertThat(created.get("number").asLong()).isEqualTo(1);
        assertThat(second.json().get("number").asLong()).isEqualTo(2);
        assertThat(created.get("phone").asString()).isEqualTo("+380996453478");
        assertThat(created.get("email").asString()).isEqualTo("antonov@example.com");
        assertThat(created.get("status").asString()).isEqualTo("OPEN");
        assertThat(created.get("ownerId").asString()).as("the creator by default").isEqualTo(company.admin.toString());
        assertThat(created.get("pipelineId").asString()).isEqualTo(company.pipelineId("leads"));
        assertThat(created.get("stageId").asString()).isEqualTo(company.stageId("leads", "new-request"));
        String id = created.get("id").asString();
        assertThat(api.get("/api/deals/leads/" + id).json().get("sourceDetail").asString()).isEqualTo("FB - Саморезы");
        var history = api.get("/api/deals/leads/" + id + "/stages").json().get("items");
        assertThat(history.size()).isEqualTo(1);
        assertThat(history.get(0).get("fromStageId").isNull()).isTrue();
        assertThat(history.get(0).get("toCode").asString()).isEqualTo("new-request");
    }

    @Test
    void aLeadMovesThroughItsStagesAndAStaleVersionMovesNothing() {
        Company company = new Company(port);
        var api = company.admin();
        var created = api.post("/api/deals/leads", lead()).json();
        String id = created.get("id").asString();
        String qualification = company.stageId("leads", "qualification");
        String notReached = company.stageId("leads", "not-reached");

        var moved = api.post("/api/deals/leads/" + id + "/move", Map.of("stageId", qualification,
                "version", created.get("version").asLong()));
        var stale = api.post("/api/deals/leads/" + id + "/move", Map.of("stageId", notReached,
                "version", created.get("version").asLong()));
        var noVersion = api.post("/api/deals/leads/" + id + "/move", Map.of("stageId", notReached));

        assertThat(moved.status()).as(moved.body()).isEqualTo(200);
        assertThat(moved.json().get("stageId").asString()).isEqualTo(qualification);
        assertThat(moved.json().get("version").asLong()).isGreaterThan(created.get("version").asLong());
        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.json().get("type").asString()).isEqualTo("/problems/conflict");
        assertThat(noVersion.status()).isEqualTo(400);
        assertThat(noVersion.json().get("errors").findValuesAsString("field")).containsExactly("version");
        assertThat(api.get("/api/deals/leads/" + id).json().get("stageId").asString()).isEqualTo(qualification);
        assertThat(api.get("/api/deals/leads/" + id + "/stages").json().get("items").findValuesAsString("toCode"))
                .containsExactly("new-request", "qualification");
    }

    @Test
    void aLeadIsLostWithAReasonAndReopenedByMovingItBack() {
        Company company = new Company(port);
        var api = company.admin();
        var created = api.post("/api/deals/leads", lead()).json();
        String id = created.get("id").asString();
        String failed = company.stageId("leads", "failed");

        var withoutReason = api.post("/api/deals/leads/" + id + "/move", Map.of("stageId", failed, "version", 0));
        var lost = api.post("/api/deals/leads/" + id + "/lose", Map.of("reason", "Did not answer three calls"));
        var reopened = api.post("/api/deals/leads/" + id + "/move", Map.of("stageId",
                company.stageId("leads", "not-reached"), "version", lost.json().get("version").asLong()));

        assertThat(withoutReason.status()).isEqualTo(400);
        assertThat(withoutReason.json().get("errors").findValuesAsString("field")).containsExactly("lostReason");
        assertThat(lost.status()).as(lost.body()).isEqualTo(200);
        assertThat(lost.json().get("status").asString()).isEqualTo("LOST");
        assertThat(lost.json().get("stageId").asString()).isEqualTo(failed);
        assertThat(lost.json().get("lostReason").asString()).isEqualTo("Did not answer three calls");
        assertThat(lost.json().get("closedAt").isNull()).isFalse();
        assertThat(reopened.json().get("status").asString()).isEqualTo("OPEN");
        assertThat(reopened.json().get("lostReason").isNull()).isTrue();
        assertThat(reopened.json().get("closedAt").isNull()).isTrue();
    }

    @Test
    void aConvertedLeadBecomesADealOnceAndStandsInItsWonStage() {
        Company company = new Company(port);
        var api = company.admin();
        String contact = UUID.randomUUID().toString();
        var created = api.post("/api/deals/leads", lead("contactId", contact, "comment", "Wants 500 anchors")).json();
        String id = created.get("id").asString();

        var wonByMoving = api.post("/api/deals/leads/" + id + "/move", Map.of("stageId",
                company.stageId("leads", "converted"), "version", 0));
        var converted = api.post("/api/deals/leads/" + id + "/convert", Map.of("title", "Anchors", "amount", 1250,
                "currency", "uah"));
        var twice = api.post("/api/deals/leads/" + id + "/convert", Map.of());
        var movedAfter = api.post("/api/deals/leads/" + id + "/move", Map.of("stageId",
                company.stageId("leads", "qualification"), "version", 2));

        assertThat(wonByMoving.status()).isEqualTo(400);
        assertThat(wonByMoving.json().get("errors").findValuesAsString("field")).containsExactly("stageId");
        assertThat(converted.status()).as(converted.body()).isEqualTo(201);
        var deal = converted.json();
        assertThat(deal.get("title").asString()).isEqualTo("Anchors");
        assertThat(deal.get("amount").decimalValue()).isEqualByComparingTo("1250.00");
        assertThat(deal.get("currency").asString()).isEqualTo("UAH");
        assertThat(deal.get("leadId").asString()).isEqualTo(id);
        assertThat(deal.get("contactId").asString()).isEqualTo(contact);
        assertThat(deal.get("contactName").asString()).isEqualTo("Антонов Артем");
        assertThat(deal.get("sourceDetail").asString()).isEqualTo("FB - Саморезы");
        assertThat(deal.get("pipelineId").asString()).isEqualTo(company.pipelineId("orders"));
        assertThat(deal.get("stageId").asString()).isEqualTo(company.stageId("orders", "new-order"));
        var lead = api.get("/api/deals/leads/" + id).json();
        assertThat(lead.get("status").asString()).isEqualTo("CONVERTED");
        assertThat(lead.get("dealId").asString()).isEqualTo(deal.get("id").asString());
        assertThat(lead.get("stageId").asString()).isEqualTo(company.stageId("leads", "converted"));
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("detail").asString()).contains("converted");
        assertThat(movedAfter.status()).isEqualTo(409);
        assertThat(api.get("/api/deals/deals?q=Anchors").json().get("items").size()).as("one deal").isEqualTo(1);
    }

    @Test
    void aLeadIsCorrectedWithAMergePatchButMovesOnlyByMoving() {
        Company company = new Company(port);
        var api = company.admin();
        String id = api.post("/api/deals/leads", lead()).json().get("id").asString();

        var patched = api.patch("/api/deals/leads/" + id, Map.of("phone", "+48 601 234 567", "comment", "Call after 6"));
        var cleared = api.patch("/api/deals/leads/" + id, "{\"comment\": null}");
        var stageByPatch = api.patch("/api/deals/leads/" + id, Map.of("stageId", company.stageId("leads", "qualification")));
        var stale = api.patch("/api/deals/leads/" + id, Map.of("comment", "x", "version", 0));

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("phone").asString()).isEqualTo("+48601234567");
        assertThat(patched.json().get("contactName").asString()).as("left out, kept").isEqualTo("Антонов Артем");
        assertThat(cleared.json().get("comment").isNull()).isTrue();
        assertThat(stageByPatch.status()).isEqualTo(400);
        assertThat(stageByPatch.json().get("errors").findValuesAsString("field")).containsExactly("stageId");
        assertThat(stale.status()).isEqualTo(409);
    }

    @Test
    void eachBadInputIsRefusedNamingItsFieldAndNothingIsTakenIn() throws Exception {
        Company company = new Company(port);
        var api = company.admin();
        String orders = company.pipelineId("orders");

        Map<String, ApiClient.Response> refused = Map.of(
                "phone", api.post("/api/deals/leads", lead("phone", "12")),
                "email", api.post("/api/deals/leads", lead("email", "not an address")),
                "contactName", api.post("/api/deals/leads", Map.of("source", "facebook")),
                "pipelineId", api.post("/api/deals/leads", lead("pipelineId", orders)),
                "stageId", api.post("/api/deals/leads", lead("stageId", UUID.randomUUID().toString())),
                "ownerId", api.post("/api/deals/leads", lead("ownerId", UUID.randomUUID().toString())));
        var closedStage = api.post("/api/deals/leads", lead("stageId", company.stageId("leads", "failed")));
        var stageOfAnother = api.post("/api/deals/leads", lead("pipelineId", company.pipelineId("leads"),
                "stageId", company.stageId("orders", "new-order")));

        refused.forEach((field, response) -> {
            assertThat(response.status()).as(field + ": " + response.body()).isEqualTo(400);
            assertThat(response.json().get("errors").findValuesAsString("field")).as(field).containsExactly(field);
        });
        assertThat(closedStage.status()).isEqualTo(400);
        assertThat(stageOfAnother.status()).isEqualTo(400);
        assertThat(stageOfAnother.json().get("errors").findValuesAsString("field")).containsExactly("stageId");
        assertThat(Company.count("select count(*) from lead where tenant_id = ?", company.tenant)).isZero();
    }
}
