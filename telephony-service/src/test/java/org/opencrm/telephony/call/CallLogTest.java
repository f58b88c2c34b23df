package org.opencrm.telephony.call;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.telephony.TestCompany;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The call log: who sees which calls, filters, keyset paging, another company's ids. */
@CrmIntegrationTest
class CallLogTest {

    private static final String WEBHOOK = "/api/integrations/telephony/events/generic";

    @LocalServerPort
    int port;

    @Test
    void eachRoleSeesTheCallsItMaySeeAndAnotherCompanySeesNone() {
        TestCompany company = new TestCompany(port);
        UUID sales = UUID.randomUUID();
        company.department(sales, null);
        UUID anna = company.hire("MANAGER", sales, "201");
        UUID boris = company.hire("MANAGER", null, "202");
        UUID annasClient = company.contact("Iryna", "Bondar", anna, false, "+380671110001");
        UUID borisClient = company.contact("Petro", "Shevchenko", boris, false, "+380671110002");
        company.contact("Nobody's", "Client", null, false, "+380671110003");

        String annaTakesBorisClient = call(company, "l-1", "INBOUND", "+380671110002", "201", "10:00");
        String borisTakesNobodysClient = call(company, "l-2", "INBOUND", "+380671110003", "202", "10:01");
        String borisTakesHisClient = call(company, "l-3", "INBOUND", "+380671110002", "202", "10:02");
        String nobodysCall = call(company, "l-4", "INBOUND", "+380931112233", null, "10:03");
        String annaCallsHerClient = call(company, "l-5", "OUTBOUND", "+380671110001", "201", "10:04");

        assertThat(ids(company.admin(), "")).containsExactly(annaCallsHerClient, nobodysCall, borisTakesHisClient,
                borisTakesNobodysClient, annaTakesBorisClient);
        assertThat(ids(company.as(anna, "MANAGER"), "")).containsExactly(annaCallsHerClient, nobodysCall,
                borisTakesNobodysClient, annaTakesBorisClient);
        assertThat(ids(company.as(boris, "OPERATOR"), "")).containsExactly(nobodysCall, borisTakesHisClient,
                borisTakesNobodysClient, annaTakesBorisClient);
        UUID head = UUID.randomUUID();
        assertThat(ids(company.asMemberOf(sales, head, "SUPERVISOR"), "")).containsExactly(annaCallsHerClient,
                nobodysCall, borisTakesNobodysClient, annaTakesBorisClient);

        assertThat(company.as(anna, "MANAGER").get("/api/telephony/calls/" + borisTakesHisClient).status()).isEqualTo(404);
        assertThat(company.as(boris, "MANAGER").get("/api/telephony/calls/" + borisTakesHisClient).status()).isEqualTo(200);
        var marketer = company.as(UUID.randomUUID(), "MARKETER").get("/api/telephony/calls");
        assertThat(marketer.status()).isEqualTo(403);
        assertThat(company.as(UUID.randomUUID(), "DEVELOPER").get("/api/telephony/calls").status()).isEqualTo(403);

        TestCompany other = new TestCompany(port);
        assertThat(other.admin().get("/api/telephony/calls/" + annaTakesBorisClient).status()).isEqualTo(404);
        assertThat(ids(other.admin(), "")).isEmpty();

        // filters
        assertThat(ids(company.admin(), "?direction=OUTBOUND")).containsExactly(annaCallsHerClient);
        assertThat(ids(company.admin(), "?userId=" + anna)).containsExactly(annaCallsHerClient, annaTakesBorisClient);
        assertThat(ids(company.admin(), "?contactId=" + borisClient)).containsExactly(borisTakesHisClient,
                annaTakesBorisClient);
        assertThat(ids(company.admin(), "?contactId=" + annasClient)).containsExactly(annaCallsHerClient);
        assertThat(ids(company.admin(), "?status=RINGING&from=2026-11-27T10:01:00Z&to=2026-11-27T10:03:00Z"))
                .containsExactly(borisTakesHisClient, borisTakesNobodysClient);
        var badStatus = company.admin().get("/api/telephony/calls?status=HUNG");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.body()).contains("\"status\"");
        assertThat(company.admin().get("/api/telephony/calls?limit=0").body()).contains("\"limit\"");
        assertThat(company.admin().get("/api/telephony/calls?cursor=nonsense").status()).isEqualTo(400);

        // keyset pages: every call once, newest first
        List<String> paged = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = company.admin().get("/api/telephony/calls?limit=2" + (cursor == null ? "" : "&cursor=" + cursor))
                    .json();
            page.get("items").forEach(item -> paged.add(item.get("id").asString()));
            cursor = page.get("nextCursor").isNull() ? null : page.get("nextCursor").asString();
        } while (cursor != null);
        assertThat(paged).containsExactly(annaCallsHerClient, nobodysCall, borisTakesHisClient,
                borisTakesNobodysClient, annaTakesBorisClient);
    }

    private static String call(TestCompany company, String id, String direction, String client, String extension,
            String time) {
        String from = direction.equals("INBOUND") ? client : extension;
        String to = direction.equals("INBOUND") ? "0441234567" : client;
        var response = company.exchange().post(WEBHOOK, """
                {"eventId": "%s", "callId": "%s", "type": "RINGING", "direction": "%s", "from": "%s", "to": "%s",
                 "extension": %s, "occurredAt": "2026-11-27T%s:00Z"}""".formatted(id, id, direction, from, to,
                extension == null ? "null" : "\"" + extension + "\"", time));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return response.json().get("callId").asString();
    }

    private static List<String> ids(ApiClient api, String query) {
        var response = api.get("/api/telephony/calls" + query);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        List<String> ids = new ArrayList<>();
        response.json().get("items").forEach(item -> ids.add(item.get("id").asString()));
        return ids;
    }
}
