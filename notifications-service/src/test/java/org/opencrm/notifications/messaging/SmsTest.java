package org.opencrm.notifications.messaging;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.notifications.Company;
import org.opencrm.notifications.Golden;
import org.opencrm.notifications.TestServers;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.notifications.SmsFailed;
import org.opencrm.platform.events.notifications.SmsSent;
import org.opencrm.platform.events.telephony.CallMissed;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** SMS through the generic JSON provider API (WireMock): sent with the bearer token, retried, given up. */
@CrmIntegrationTest
class SmsTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private static List<LoggedRequest> sentTo(String phone) {
        return TestServers.sms().findAll(postRequestedFor(urlEqualTo("/v1/messages"))
                .withRequestBody(matchingJsonPath("$.to", equalTo(phone))));
    }

    private UUID userWantingCallSms(Company company, String phone) {
        UUID user = company.hire("Olena", "Kovalenko", UUID.randomUUID() + "@sms.example", "MANAGER");
        var saved = company.as(user, "MANAGER").put("/api/notifications/preferences", Map.of("language", "uk",
                "phone", phone, "kinds", Map.of("call", Map.of("inApp", true, "email", false, "sms", true))));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        return user;
    }

    private static CallMissed missed(UUID user) {
        return new CallMissed(UUID.randomUUID(), "INBOUND", "+380501112233", "+380441234567", "101", user, null,
                List.of(), null, Instant.now().minusSeconds(30), Instant.now(), 30);
    }

    @Test
    void aMissedCallIsTextedToTheUserWhoChoseSms() {
        String phone = "+380671230001";
        TestServers.sms().stubFor(post(urlEqualTo("/v1/messages"))
                .withRequestBody(matchingJsonPath("$.to", equalTo(phone)))
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": \"prov-1\", \"status\": \"queued\"}")));
        Company company = new Company(port, jdbc);
        UUID user = userWantingCallSms(company, phone);
        try (var topic = TopicProbe.on(Topics.NOTIFICATIONS_NOTIFICATION)) {
            UUID eventId = UUID.randomUUID();
            CallMissed call = missed(user);
            TopicProbe.publish(call, company.tenant, null, eventId);
            TopicProbe.publish(call, company.tenant, null, eventId);

            JsonNode sent = Golden.matches(topic.awaitRecord(Golden.of(SmsSent.TYPE, "phone", phone)), SmsSent.TYPE);
            assertThat(sent.get("providerMessageId").asString()).isEqualTo("prov-1");
            assertThat(sent.get("template").asString()).isEqualTo("call-missed");
            assertThat(sent.get("userId").asString()).isEqualTo(user.toString());
            LoggedRequest request = sentTo(phone).getFirst();
            assertThat(request.getHeader("Authorization")).isEqualTo("Bearer sms-test-token");
            assertThat(request.getBodyAsString()).contains("CRM: пропущений дзвінок від +380501112233.");
            await().during(java.time.Duration.ofSeconds(1)).until(() -> sentTo(phone).size() == 1);
            var log = company.admin().get("/api/notifications/emails?channel=SMS").json().get("items");
            assertThat(log).hasSize(1);
            assertThat(log.get(0).get("status").asString()).isEqualTo("SENT");
            assertThat(log.get(0).get("providerMessageId").asString()).isEqualTo("prov-1");
        }
    }

    @Test
    void aProviderOutageIsRetriedAndARefusalIsFinal() {
        String flaky = "+380671230002";
        String refused = "+380671230003";
        TestServers.sms().stubFor(post(urlEqualTo("/v1/messages")).inScenario("outage")
                .whenScenarioStateIs(Scenario.STARTED)
                .withRequestBody(matchingJsonPath("$.to", equalTo(flaky)))
                .willReturn(aResponse().withStatus(503).withBody("maintenance"))
                .willSetStateTo("back"));
        TestServers.sms().stubFor(post(urlEqualTo("/v1/messages")).inScenario("outage")
                .whenScenarioStateIs("back")
                .withRequestBody(matchingJsonPath("$.to", equalTo(flaky)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"id\": \"prov-2\"}")));
        TestServers.sms().stubFor(post(urlEqualTo("/v1/messages"))
                .withRequestBody(matchingJsonPath("$.to", equalTo(refused)))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\": \"invalid number\"}")));
        Company company = new Company(port, jdbc);
        UUID first = userWantingCallSms(company, flaky);
        UUID second = userWantingCallSms(company, refused);
        try (var topic = TopicProbe.on(Topics.NOTIFICATIONS_NOTIFICATION)) {
            company.publish(missed(first), null);
            company.publish(missed(second), null);

            JsonNode sent = Golden.matches(topic.awaitRecord(Golden.of(SmsSent.TYPE, "phone", flaky)), SmsSent.TYPE);
            assertThat(sent.get("attempts").asInt()).isEqualTo(2);
            assertThat(sent.get("providerMessageId").asString()).isEqualTo("prov-2");

            JsonNode failed = Golden.matches(topic.awaitRecord(Golden.of(SmsFailed.TYPE, "phone", refused)),
                    SmsFailed.TYPE);
            assertThat(failed.get("reason").asString()).isEqualTo("provider answered 400: invalid number");
            assertThat(failed.get("attempts").asInt()).as("a refusal is not retried").isEqualTo(1);
            assertThat(sentTo(refused)).hasSize(1);
        }
    }
}
