package org.opencrm.telephony.exchange;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.telephony.CallTopic;
import org.opencrm.telephony.TestCompany;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Click to call against a WireMock exchange of each format; the outgoing call is logged and completed. */
@CrmIntegrationTest
class OriginateTest {

    private static final String ORIGINATE = "/api/telephony/calls/originate";
    private static WireMockServer exchange;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startExchange() {
        exchange = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        exchange.start();
    }

    @AfterAll
    static void stopExchange() {
        exchange.stop();
    }

    @Test
    void theGenericExchangeRingsTheUsersExtensionAndItsEventsCompleteTheLoggedCall() {
        String base = "/generic-" + UUID.randomUUID();
        exchange.stubFor(post(urlEqualTo(base + "/originate")).willReturn(okJson("{\"callId\": \"gen-555\"}")));
        TestCompany company = new TestCompany(port);
        UUID manager = company.hire("MANAGER", null, "301");
        UUID client = company.contact("Olena", "Kovalenko", manager, false, "+380671234567");
        settings(company, "generic", exchange.baseUrl() + base, "crm", "s3cret");
        try (CallTopic topic = new CallTopic()) {
            var response = company.as(manager, "MANAGER").post(ORIGINATE, Map.of("number", "067 123 45 67"));
            assertThat(response.status()).as(response.body()).isEqualTo(202);
            JsonNode call = response.json();
            assertThat(call.get("direction").asString()).isEqualTo("OUTBOUND");
            assertThat(call.get("status").asString()).isEqualTo("RINGING");
            assertThat(call.get("calledNumber").asString()).isEqualTo("+380671234567");
            assertThat(call.get("extension").asString()).isEqualTo("301");
            assertThat(call.get("userId").asString()).isEqualTo(manager.toString());
            assertThat(call.get("contactId").asString()).isEqualTo(client.toString());
            assertThat(call.get("exchangeCallId").asString()).isEqualTo("gen-555");
            exchange.verify(postRequestedFor(urlEqualTo(base + "/originate"))
                    .withHeader("Authorization", equalTo("Basic Y3JtOnMzY3JldA=="))
                    .withRequestBody(equalToJson("{\"extension\": \"301\", \"number\": \"+380671234567\"}")));
            String id = call.get("id").asString();
            topic.await(id, "call.ringing");

            var answered = company.exchange().post("/api/integrations/telephony/events/generic", """
                    [{"eventId": "o-1", "callId": "gen-555", "type": "ANSWERED", "direction": "OUTBOUND", "from": "301",
                      "to": "+380671234567", "extension": "301", "occurredAt": "%s"},
                     {"eventId": "o-2", "callId": "gen-555", "type": "ENDED", "direction": "OUTBOUND", "from": "301",
                      "to": "+380671234567", "extension": "301", "occurredAt": "%s"}]"""
                    .formatted(java.time.Instant.now().plusSeconds(5), java.time.Instant.now().plusSeconds(65)));
            assertThat(answered.json().get("callId").asString()).isEqualTo(id);
            JsonNode ended = topic.await(id, "call.ended");
            assertThat(ended.get("talkSeconds").asInt()).isEqualTo(60);
        }
    }

    @Test
    void anOriginatedCallWithoutTheExchangesIdIsFoundByExtensionAndNumber() {
        String base = "/anonymous-" + UUID.randomUUID();
        exchange.stubFor(post(urlEqualTo(base + "/originate")).willReturn(aResponse().withStatus(202)));
        TestCompany company = new TestCompany(port);
        UUID manager = company.hire("MANAGER", null, "302");
        settings(company, "generic", exchange.baseUrl() + base, null, null);
        String id = company.as(manager, "MANAGER").post(ORIGINATE, Map.of("number", "+380931234567")).json().get("id")
                .asString();
        var event = company.exchange().post("/api/integrations/telephony/events/generic", """
                {"eventId": "a-1", "callId": "pbx-77", "type": "RINGING", "direction": "OUTBOUND", "from": "302",
                 "to": "0931234567", "extension": "302", "occurredAt": "%s"}""".formatted(java.time.Instant.now()));
        assertThat(event.json().get("callId").asString()).isEqualTo(id);
        assertThat(company.admin().get("/api/telephony/calls/" + id).json().get("exchangeCallId").asString())
                .isEqualTo("pbx-77");
    }

    @Test
    void asteriskIsAskedThroughAriAndBinotelThroughItsApi() {
        String ari = "/ari-" + UUID.randomUUID();
        exchange.stubFor(post(urlPathEqualTo(ari + "/ari/channels")).willReturn(okJson("{\"id\": \"1764250000.77\","
                + " \"name\": \"PJSIP/303-00000077\", \"state\": \"Down\"}")));
        TestCompany company = new TestCompany(port);
        UUID manager = company.hire("MANAGER", null, "303");
        settings(company, "asterisk", exchange.baseUrl() + ari, "ari-user", "ari-pass");
        var call = company.as(manager, "MANAGER").post(ORIGINATE, Map.of("number", "0671234567"));
        assertThat(call.status()).as(call.body()).isEqualTo(202);
        assertThat(call.json().get("exchangeCallId").asString()).isEqualTo("1764250000.77");
        exchange.verify(postRequestedFor(urlPathEqualTo(ari + "/ari/channels"))
                .withQueryParam("endpoint", equalTo("PJSIP/303"))
                .withQueryParam("extension", equalTo("+380671234567"))
                .withQueryParam("context", equalTo("from-internal"))
                .withHeader("Authorization", equalTo("Basic YXJpLXVzZXI6YXJpLXBhc3M=")));

        String binotel = "/binotel-" + UUID.randomUUID();
        exchange.stubFor(post(urlEqualTo(binotel + "/api/4.0/calls/ext-to-phone.json"))
                .willReturn(okJson("{\"status\": \"success\", \"generalCallID\": \"4482200001\"}")));
        settings(company, "binotel", exchange.baseUrl() + binotel, "binotel-key", "binotel-secret");
        var viaBinotel = company.as(manager, "MANAGER").post(ORIGINATE, Map.of("number", "0671234567"));
        assertThat(viaBinotel.status()).as(viaBinotel.body()).isEqualTo(202);
        assertThat(viaBinotel.json().get("exchangeCallId").asString()).isEqualTo("4482200001");
        exchange.verify(postRequestedFor(urlEqualTo(binotel + "/api/4.0/calls/ext-to-phone.json"))
                .withRequestBody(equalToJson("{\"key\": \"binotel-key\", \"secret\": \"binotel-secret\","
                        + " \"ext_number\": \"303\", \"phone_number\": \"380671234567\"}")));
    }

    @Test
    void noExtensionIsAConflictAnUnreachableExchangeIsUnavailableAndABadNumberIsRefused() throws Exception {
        String base = "/broken-" + UUID.randomUUID();
        exchange.stubFor(post(urlEqualTo(base + "/originate")).willReturn(aResponse().withStatus(500)));
        TestCompany company = new TestCompany(port);
        UUID manager = company.hire("MANAGER", null, "304");
        settings(company, "generic", exchange.baseUrl() + base, null, null);

        var noExtension = company.as(UUID.randomUUID(), "OPERATOR").post(ORIGINATE, Map.of("number", "+380671234567"));
        assertThat(noExtension.status()).isEqualTo(409);
        var down = company.as(manager, "MANAGER").post(ORIGINATE, Map.of("number", "+380671234567"));
        assertThat(down.status()).as(down.body()).isEqualTo(503);
        assertThat(down.header("Content-Type")).startsWith("application/problem+json");
        var badNumber = company.as(manager, "MANAGER").post(ORIGINATE, Map.of("number", "not a number"));
        assertThat(badNumber.status()).isEqualTo(400);
        assertThat(badNumber.body()).contains("\"number\"");
        assertThat(company.as(manager, "MARKETER").post(ORIGINATE, Map.of("number", "+380671234567")).status())
                .isEqualTo(403);
        assertThat(TestCompany.count("select count(*) from call where tenant_id = ?", company.tenant)).isZero();
    }

    @Test
    void anExchangeThatKeepsFailingIsNoLongerAskedWhileAnotherCompanysStillIs() throws Exception {
        String broken = "/failing-" + UUID.randomUUID();
        exchange.stubFor(post(urlEqualTo(broken + "/originate")).willReturn(aResponse().withStatus(502)));
        TestCompany company = new TestCompany(port);
        UUID manager = company.hire("MANAGER", null, "305");
        settings(company, "generic", exchange.baseUrl() + broken, null, null);
        String healthy = "/healthy-" + UUID.randomUUID();
        exchange.stubFor(post(urlEqualTo(healthy + "/originate")).willReturn(okJson("{\"callId\": \"ok-1\"}")));
        TestCompany other = new TestCompany(port);
        UUID colleague = other.hire("MANAGER", null, "305");
        settings(other, "generic", exchange.baseUrl() + healthy, null, null);

        // five failures in the breaker's window of ten open it: the clicks after them are refused at once
        for (int click = 0; click < 8; click++) {
            var refused = company.as(manager, "MANAGER").post(ORIGINATE, Map.of("number", "+380671234567"));
            assertThat(refused.status()).as(refused.body()).isEqualTo(503);
        }
        exchange.verify(5, postRequestedFor(urlEqualTo(broken + "/originate")));
        assertThat(company.as(manager, "MANAGER").post(ORIGINATE, Map.of("number", "+380671234567")).body())
                .contains("failed repeatedly");

        // the breaker is the company's own: another company's exchange is still asked
        var placed = other.as(colleague, "MANAGER").post(ORIGINATE, Map.of("number", "+380671234567"));
        assertThat(placed.status()).as(placed.body()).isEqualTo(202);
        exchange.verify(1, postRequestedFor(urlEqualTo(healthy + "/originate")));
        assertThat(TestCompany.count("select count(*) from call where tenant_id = ?", company.tenant)).isZero();
    }

    private static void settings(TestCompany company, String format, String url, String login, String password) {
        Map<String, Object> body = new HashMap<>();
        body.put("format", format);
        body.put("exchangeUrl", url);
        body.put("exchangeLogin", login);
        body.put("exchangePassword", password);
        var response = company.admin().put("/api/telephony/settings", body);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
    }
}
