package org.opencrm.telephony.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TestTokens;
import org.opencrm.telephony.CallTopic;
import org.opencrm.telephony.TestCompany;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The exchange's webhook in the generic format: the lifecycle, repeats, reordering, bad input and security. */
@CrmIntegrationTest
class GenericWebhookTest {

    private static final String WEBHOOK = "/api/integrations/telephony/events/generic";

    @LocalServerPort
    int port;

    @Test
    void aRingingCallPopsTheCallersCardForTheExtensionsUserAndEndsAnsweredOnce() {
        TestCompany company = new TestCompany(port);
        UUID manager = company.hire("MANAGER", null, "101");
        UUID olena = company.contact("Olena", "Kovalenko", manager, true, "+380671234567");
        var exchange = company.exchange();
        try (CallTopic topic = new CallTopic()) {
            var ringing = exchange.post(WEBHOOK, TestCompany.sample("generic/ringing.json"));
            assertThat(ringing.status()).as(ringing.body()).isEqualTo(202);
            assertThat(ringing.json().get("state").asString()).isEqualTo("RINGING");
            String call = ringing.json().get("callId").asString();

            JsonNode pop = topic.await(call, "call.ringing");
            assertThat(pop.get("callerNumber").asString()).isEqualTo("+380671234567");
            assertThat(pop.get("calledNumber").asString()).isEqualTo("+380441234567");
            assertThat(pop.get("userId").asString()).isEqualTo(manager.toString());
            JsonNode card = pop.get("callers").get(0);
            assertThat(card.get("contactId").asString()).isEqualTo(olena.toString());
            assertThat(card.get("name").asString()).isEqualTo("Olena Kovalenko");
            assertThat(card.get("vip").asBoolean()).isTrue();
            assertThat(card.get("ownerId").asString()).isEqualTo(manager.toString());

            var rest = exchange.post(WEBHOOK, TestCompany.sample("generic/answered-and-ended.json"));
            assertThat(rest.status()).as(rest.body()).isEqualTo(202);
            assertThat(rest.json().get("state").asString()).isEqualTo("ENDED");
            // the exchange sends everything again: nothing changes and nothing is raised twice
            assertThat(exchange.post(WEBHOOK, TestCompany.sample("generic/ringing.json")).status()).isEqualTo(202);
            assertThat(exchange.post(WEBHOOK, TestCompany.sample("generic/answered-and-ended.json")).status())
                    .isEqualTo(202);

            JsonNode answered = topic.await(call, "call.answered");
            assertThat(answered.get("waitSeconds").asInt()).isEqualTo(7);
            JsonNode ended = topic.await(call, "call.ended");
            assertThat(ended.get("talkSeconds").asInt()).isEqualTo(245);
            assertThat(ended.get("contactName").asString()).isEqualTo("Olena Kovalenko");
            assertThat(ended.get("matchedContactIds").get(0).asString()).isEqualTo(olena.toString());

            JsonNode view = company.admin().get("/api/telephony/calls/" + call).json();
            assertThat(view.get("status").asString()).isEqualTo("ENDED");
            assertThat(view.get("exchangeCallId").asString()).isEqualTo("pbx-call-8812");
            assertThat(view.get("waitSeconds").asInt()).isEqualTo(7);
            assertThat(view.get("talkSeconds").asInt()).isEqualTo(245);
            assertThat(view.get("contactId").asString()).isEqualTo(olena.toString());
            assertThat(view.get("userId").asString()).isEqualTo(manager.toString());
            assertThat(view.get("hasRecording").asBoolean()).isFalse();

            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> topic.types(call).equals(java.util.List.of("call.answered", "call.ended", "call.ringing")));
        }
    }

    @Test
    void twoCompaniesExchangesMayUseOneCallIdAndEachCompanyKeepsItsOwnCall() {
        TestCompany first = new TestCompany(port);
        first.hire("MANAGER", null, "101");
        TestCompany second = new TestCompany(port);
        second.hire("MANAGER", null, "101");

        var ringing = first.exchange().post(WEBHOOK, TestCompany.sample("generic/ringing.json"));
        assertThat(ringing.status()).as(ringing.body()).isEqualTo(202);
        String firstCall = ringing.json().get("callId").asString();
        // the other company's exchange ends a call of the same exchange id: its own call, not the first's
        var ended = second.exchange().post(WEBHOOK, TestCompany.sample("generic/answered-and-ended.json"));
        assertThat(ended.status()).as(ended.body()).isEqualTo(202);
        String secondCall = ended.json().get("callId").asString();

        assertThat(secondCall).isNotEqualTo(firstCall);
        assertThat(first.admin().get("/api/telephony/calls/" + firstCall).json().get("status").asString())
                .isEqualTo("RINGING");
        assertThat(second.admin().get("/api/telephony/calls/" + secondCall).json().get("status").asString())
                .isEqualTo("ENDED");
        assertThat(second.admin().get("/api/telephony/calls/" + firstCall).status()).isEqualTo(404);
    }

    @Test
    void anEndedBeforeItsAnsweredStillEndsAnAnsweredCallWithItsTalkTimeAndNeverAMissedOne() {
        TestCompany company = new TestCompany(port);
        var exchange = company.exchange();
        try (CallTopic topic = new CallTopic()) {
            var ringing = exchange.post(WEBHOOK, event("e-1", "c-77", "RINGING", "2026-11-27T10:00:00Z"));
            String call = ringing.json().get("callId").asString();
            var ended = exchange.post(WEBHOOK, event("e-3", "c-77", "ENDED", "2026-11-27T10:04:12Z"));
            assertThat(ended.json().get("state").asString()).as("unanswered so far").isEqualTo("MISSED");
            var answered = exchange.post(WEBHOOK, event("e-2", "c-77", "ANSWERED", "2026-11-27T10:00:07Z"));
            assertThat(answered.json().get("state").asString()).isEqualTo("ENDED");
            assertThat(answered.json().get("callId").asString()).isEqualTo(call);

            JsonNode end = topic.await(call, "call.ended");
            assertThat(end.get("waitSeconds").asInt()).isEqualTo(7);
            assertThat(end.get("talkSeconds").asInt()).isEqualTo(245);
            assertThat(end.get("startedAt").asString()).isEqualTo("2026-11-27T10:00:00Z");
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> topic.types(call).equals(java.util.List.of("call.answered", "call.ended", "call.ringing")));
        }
    }

    @Test
    void aCallNobodyAnsweredIsMissedOnceAfterTheGraceAndAnUnknownNumberHasNoCards() {
        TestCompany company = new TestCompany(port);
        UUID operator = company.hire("OPERATOR", null, "105");
        var exchange = company.exchange();
        try (CallTopic topic = new CallTopic()) {
            String body = "[" + event("m-1", "c-88", "RINGING", "2026-11-27T09:00:00Z") + ","
                    + event("m-2", "c-88", "ENDED", "2026-11-27T09:00:25Z") + "]";
            var response = exchange.post(WEBHOOK, body.replace("\"101\"", "\"105\""));
            assertThat(response.status()).as(response.body()).isEqualTo(202);
            String call = response.json().get("callId").asString();
            exchange.post(WEBHOOK, body.replace("\"101\"", "\"105\""));

            JsonNode pop = topic.await(call, "call.ringing");
            assertThat(pop.get("callers")).isEmpty();
            JsonNode missed = topic.await(call, "call.missed");
            assertThat(missed.get("waitSeconds").asInt()).isEqualTo(25);
            assertThat(missed.get("userId").asString()).isEqualTo(operator.toString());
            assertThat(missed.get("contactId").isNull()).isTrue();
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> topic.types(call).equals(java.util.List.of("call.missed", "call.ringing")));
            assertThat(company.admin().get("/api/telephony/calls/" + call).json().get("status").asString())
                    .isEqualTo("MISSED");
        }
    }

    @Test
    void aMalformedRequestIsRefusedWithItsFieldAndNothingIsStored() throws Exception {
        TestCompany company = new TestCompany(port);
        var exchange = company.exchange();
        assertField(exchange.post(WEBHOOK, "{\"type\": \"RINGING\", \"occurredAt\": \"2026-11-27T10:00:00Z\"}"), "callId");
        assertField(exchange.post(WEBHOOK, event("b-1", "c-1", "PICKED_UP", "2026-11-27T10:00:00Z")), "type");
        assertField(exchange.post(WEBHOOK, event("b-2", "c-1", "RINGING", "yesterday")), "occurredAt");
        assertField(exchange.post(WEBHOOK, event("b-3", "c-1", "RINGING", "2026-11-27T10:00:00Z")
                .replace("+380 67 123 45 67", "call me maybe")), "from");
        // one bad event of an array: none of them is stored
        assertField(exchange.post(WEBHOOK, "[" + event("b-4", "c-2", "RINGING", "2026-11-27T10:00:00Z") + ","
                + event("b-5", "c-2", "RECORDING", "2026-11-27T10:00:00Z") + "]"), "[1].recordingUrl");
        assertField(exchange.post(WEBHOOK, "not json"), "body");
        assertThat(TestCompany.count("select count(*) from call where tenant_id = ?", company.tenant)).isZero();
        assertThat(exchange.post("/api/integrations/telephony/events/panasonic", "{}").status()).isEqualTo(404);
    }

    @Test
    void onlyTheExchangesTokenWithTheTelephonyScopeAndTheRightSignaturePost() throws Exception {
        TestCompany company = new TestCompany(port);
        String body = event("s-1", "c-sig", "RINGING", "2026-11-27T10:00:00Z");
        assertThat(ApiClient.onPort(port).post(WEBHOOK, body).status()).isEqualTo(401);
        assertThat(company.admin().post(WEBHOOK, body).status()).as("a user's token").isIn(401, 403);
        var shopKey = ApiClient.onPort(port).withToken(TestTokens.integrationToken(company.tenant, UUID.randomUUID(),
                "shop:write"));
        assertThat(shopKey.post(WEBHOOK, body).status()).isEqualTo(403);

        var settings = company.admin().put("/api/telephony/settings", Map.of("format", "generic",
                "signingSecret", "a-long-enough-webhook-secret"));
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
        assertThat(settings.json().get("signingSecretSet").asBoolean()).isTrue();
        assertThat(settings.body()).doesNotContain("a-long-enough-webhook-secret");

        var exchange = company.exchange();
        var unsigned = exchange.post(WEBHOOK, body);
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(unsigned.json().get("type").asString()).isEqualTo("/problems/unauthorized");
        assertThat(exchange.withHeader("X-Telephony-Signature", "sha256=" + sign("another-secret-entirely", body))
                .post(WEBHOOK, body).status()).isEqualTo(401);
        assertThat(TestCompany.count("select count(*) from call where tenant_id = ?", company.tenant)).isZero();
        var signed = exchange.withHeader("X-Telephony-Signature", "sha256=" + sign("a-long-enough-webhook-secret", body))
                .post(WEBHOOK, body);
        assertThat(signed.status()).as(signed.body()).isEqualTo(202);
    }

    @Test
    void theSecretsAreStoredEncryptedAndOnesStoredBeforeEncryptionStillWorkAndAreEncryptedOnFirstUse() throws Exception {
        TestCompany company = new TestCompany(port);
        assertThat(company.admin().put("/api/telephony/settings", Map.of("format", "generic",
                "signingSecret", "a-long-enough-webhook-secret", "exchangeUrl", "https://pbx.example/",
                "exchangeLogin", "key", "exchangePassword", "the-exchange-password")).status()).isEqualTo(200);
        assertThat(TestCompany.count("""
                select count(*) from telephony_settings where tenant_id = ? and signing_secret like 'v1:%'
                and exchange_password like 'v1:%' and position('webhook-secret' in signing_secret) = 0
                and position('exchange-password' in exchange_password) = 0""", company.tenant)).isEqualTo(1);

        // a company whose secrets were stored before they were encrypted
        TestCompany older = new TestCompany(port);
        try (var db = org.opencrm.platform.test.TestDatabase.get().connect(); var insert = db.prepareStatement("""
                insert into telephony_settings (tenant_id, format, signing_secret, exchange_password, updated_at)
                values (?, 'generic', 'an-old-plain-webhook-secret', 'an-old-password', now())""")) {
            insert.setObject(1, older.tenant);
            insert.executeUpdate();
        }
        String body = event("p-1", "c-plain", "RINGING", "2026-11-27T10:00:00Z");
        var signed = older.exchange().withHeader("X-Telephony-Signature", "sha256=" + sign("an-old-plain-webhook-secret",
                body)).post(WEBHOOK, body);
        assertThat(signed.status()).as(signed.body()).isEqualTo(202);
        assertThat(TestCompany.count("""
                select count(*) from telephony_settings where tenant_id = ? and signing_secret like 'v1:%'
                and exchange_password like 'v1:%'""", older.tenant)).isEqualTo(1);
        assertThat(older.admin().get("/api/telephony/settings").json().get("signingSecretSet").asBoolean()).isTrue();
    }

    static String event(String id, String callId, String type, String at) {
        return """
                {"eventId": "%s", "callId": "%s", "type": "%s", "direction": "INBOUND", "from": "+380 67 123 45 67",
                 "to": "044 123 4567", "extension": "101", "occurredAt": "%s"}""".formatted(id, callId, type, at);
    }

    static String sign(String secret, String body) throws Exception {
        var mac = javax.crypto.Mac.getInstance("HmacSHA256");
        mac.init(new javax.crypto.spec.SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertField(ApiClient.Response response, String field) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("\"" + field + "\"");
    }
}
