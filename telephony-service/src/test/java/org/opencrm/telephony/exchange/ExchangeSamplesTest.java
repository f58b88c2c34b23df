package org.opencrm.telephony.exchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TestTokens;
import org.opencrm.telephony.CallTopic;
import org.opencrm.telephony.TestCompany;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Recorded payloads of each real exchange format, fed to the webhook: the calls and events they make. */
@CrmIntegrationTest
class ExchangeSamplesTest {

    private static final String EVENTS = "/api/integrations/telephony/events/";

    @LocalServerPort
    int port;

    @Test
    void anAsteriskBridgesInboundAnsweredCallWithItsRecording() {
        TestCompany company = new TestCompany(port);
        UUID manager = company.hire("MANAGER", null, "101");
        UUID olena = company.contact("Olena", "Kovalenko", manager, false, "+380671234567");
        try (CallTopic topic = new CallTopic()) {
            var response = company.exchange().post(EVENTS + "asterisk", TestCompany.sample("asterisk/inbound-answered.json"));
            assertThat(response.status()).as(response.body()).isEqualTo(202);
            String id = response.json().get("callId").asString();
            JsonNode call = company.admin().get("/api/telephony/calls/" + id).json();
            assertThat(call.get("exchangeCallId").asString()).isEqualTo("1764237600.18");
            assertThat(call.get("direction").asString()).isEqualTo("INBOUND");
            assertThat(call.get("status").asString()).isEqualTo("ENDED");
            assertThat(call.get("callerNumber").asString()).isEqualTo("+380671234567");
            assertThat(call.get("calledNumber").asString()).isEqualTo("+380441234567");
            assertThat(call.get("extension").asString()).isEqualTo("101");
            assertThat(call.get("userId").asString()).isEqualTo(manager.toString());
            assertThat(call.get("contactId").asString()).isEqualTo(olena.toString());
            assertThat(call.get("startedAt").asString()).isEqualTo("2025-11-27T10:00:00.000120Z");
            assertThat(call.get("waitSeconds").asInt()).isEqualTo(7);
            assertThat(call.get("talkSeconds").asInt()).isEqualTo(245);
            assertThat(call.get("hasRecording").asBoolean()).isTrue();

            topic.await(id, "call.ringing");
            topic.await(id, "call.answered");
            topic.await(id, "call.ended");
            JsonNode recording = topic.await(id, "call.recording-available");
            assertThat(recording.get("source").asString()).isEqualTo("EXCHANGE");
            assertThat(recording.get("durationSeconds").asInt()).isEqualTo(245);
            assertThat(recording.get("contactId").asString()).isEqualTo(olena.toString());
        }
    }

    @Test
    void anAsteriskCallNobodyAnsweredIsMissedAndAnOutgoingOneIsLoggedOutbound() {
        TestCompany company = new TestCompany(port);
        UUID operator = company.hire("OPERATOR", null, "102");
        UUID manager = company.hire("MANAGER", null, "101");
        try (CallTopic topic = new CallTopic()) {
            var missed = company.exchange().post(EVENTS + "asterisk", TestCompany.sample("asterisk/inbound-missed.json"));
            assertThat(missed.status()).as(missed.body()).isEqualTo(202);
            String id = missed.json().get("callId").asString();
            JsonNode event = topic.await(id, "call.missed");
            assertThat(event.get("callerNumber").asString()).isEqualTo("+380501112233");
            assertThat(event.get("userId").asString()).isEqualTo(operator.toString());
            assertThat(event.get("waitSeconds").asInt()).isEqualTo(20);

            var outbound = company.exchange().post(EVENTS + "asterisk", TestCompany.sample("asterisk/outbound.json"));
            JsonNode call = company.admin().get("/api/telephony/calls/" + outbound.json().get("callId").asString()).json();
            assertThat(call.get("direction").asString()).isEqualTo("OUTBOUND");
            assertThat(call.get("callerNumber").isNull()).isTrue();
            assertThat(call.get("calledNumber").asString()).isEqualTo("+380931234567");
            assertThat(call.get("userId").asString()).isEqualTo(manager.toString());
            assertThat(call.get("waitSeconds").asInt()).isEqualTo(12);
            assertThat(call.get("talkSeconds").asInt()).isEqualTo(60);
        }
    }

    @Test
    void binotelsFormEncodedCompletedCallIsAnAnsweredCallWithItsRecording() throws Exception {
        TestCompany company = new TestCompany(port);
        UUID manager = company.hire("MANAGER", null, "901");
        String form = TestCompany.sample("binotel/call-completed-answered.form");
        try (CallTopic topic = new CallTopic()) {
            HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                            URI.create("http://127.0.0.1:" + port + EVENTS + "binotel"))
                    .header("Authorization", "Bearer " + TestTokens.integrationToken(company.tenant, UUID.randomUUID(),
                            "telephony:write"))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
            String id = JsonMapper.builder().build().readTree(response.body()).get("callId").asString();

            JsonNode call = company.admin().get("/api/telephony/calls/" + id).json();
            assertThat(call.get("exchangeCallId").asString()).isEqualTo("4482195722");
            assertThat(call.get("status").asString()).isEqualTo("ENDED");
            assertThat(call.get("callerNumber").asString()).isEqualTo("+380671234567");
            assertThat(call.get("calledNumber").asString()).isEqualTo("+380441234567");
            assertThat(call.get("userId").asString()).isEqualTo(manager.toString());
            assertThat(call.get("startedAt").asString()).isEqualTo("2025-11-27T10:00:00Z");
            assertThat(call.get("waitSeconds").asInt()).isEqualTo(7);
            assertThat(call.get("talkSeconds").asInt()).isEqualTo(245);
            assertThat(call.get("hasRecording").asBoolean()).isTrue();
            JsonNode ended = topic.await(id, "call.ended");
            assertThat(ended.get("answeredAt").asString()).isEqualTo("2025-11-27T10:00:07Z");
            topic.await(id, "call.recording-available");
        }
    }

    @Test
    void binotelsReceivedTheCallPopsAndItsCompletionWithoutAnswerIsMissedOnce() {
        TestCompany company = new TestCompany(port);
        UUID operator = company.hire("OPERATOR", null, "902");
        UUID company1 = company.company("Kovalenko Trading LLC", "+380501112233");
        try (CallTopic topic = new CallTopic()) {
            var received = company.exchange().post(EVENTS + "binotel", TestCompany.sample("binotel/received-the-call.json"));
            assertThat(received.status()).as(received.body()).isEqualTo(202);
            String id = received.json().get("callId").asString();
            JsonNode pop = topic.await(id, "call.ringing");
            assertThat(pop.get("userId").asString()).isEqualTo(operator.toString());
            JsonNode card = pop.get("callers").get(0);
            assertThat(card.get("contactId").isNull()).as("a company's card").isTrue();
            assertThat(card.get("companyId").asString()).isEqualTo(company1.toString());
            assertThat(card.get("companyName").asString()).isEqualTo("Kovalenko Trading LLC");

            var completed = company.exchange().post(EVENTS + "binotel", TestCompany.sample("binotel/call-completed-missed.json"));
            assertThat(completed.json().get("callId").asString()).isEqualTo(id);
            company.exchange().post(EVENTS + "binotel", TestCompany.sample("binotel/call-completed-missed.json"));
            JsonNode missed = topic.await(id, "call.missed");
            assertThat(missed.get("waitSeconds").asInt()).isEqualTo(25);
            assertThat(company.admin().get("/api/telephony/calls/" + id).json().get("companyId").asString())
                    .isEqualTo(company1.toString());
            await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(5))
                    .until(() -> topic.types(id).equals(List.of("call.missed", "call.ringing")));
        }
    }

    @Test
    void malformedExchangePayloadsAreRefusedWithTheirField() throws Exception {
        TestCompany company = new TestCompany(port);
        var exchange = company.exchange();
        var noEvent = exchange.post(EVENTS + "asterisk", "{\"Uniqueid\": \"1.1\"}");
        assertThat(noEvent.status()).isEqualTo(400);
        assertThat(noEvent.body()).contains("\"Event\"");
        var badTime = exchange.post(EVENTS + "asterisk", "{\"Event\": \"Hangup\", \"Uniqueid\": \"1.1\", \"Timestamp\": \"soon\"}");
        assertThat(badTime.body()).contains("\"Timestamp\"");
        var noId = exchange.post(EVENTS + "binotel", "{\"requestType\": \"apiCallCompleted\", \"callDetails\": {}}");
        assertThat(noId.status()).isEqualTo(400);
        assertThat(noId.body()).contains("\"generalCallID\"");
        var noStart = exchange.post(EVENTS + "binotel", "{\"requestType\": \"apiCallCompleted\", \"callDetails\": "
                + "{\"generalCallID\": \"9\", \"callType\": \"0\", \"externalNumber\": \"0671234567\"}}");
        assertThat(noStart.body()).contains("\"startTime\"");
        // what the adapters do not use is accepted and ignored
        var settings = exchange.post(EVENTS + "binotel", "{\"requestType\": \"apiCallSettings\", \"generalCallID\": \"9\"}");
        assertThat(settings.status()).isEqualTo(202);
        assertThat(settings.json().get("state").asString()).isEqualTo("IGNORED");
        assertThat(TestCompany.count("select count(*) from call where tenant_id = ?", company.tenant)).isZero();
    }
}
