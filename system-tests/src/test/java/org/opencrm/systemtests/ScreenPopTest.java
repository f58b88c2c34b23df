package org.opencrm.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.AwaitilityDefaults;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The telephone exchange's webhook through the gateway, with an API key, pops the caller's card on the manager's
 * open WebSocket (also through the gateway); a call nobody answered becomes a lead and a notification
 * (issue 6's path across telephony-service, contacts-service, deals-service and notifications-service).
 */
@ExtendWith(AwaitilityDefaults.class)
class ScreenPopTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @BeforeAll
    static void startTheSuite() {
        RunningSuite.start();
    }

    /** The frames the user's browser would receive. */
    private static final class Frames implements WebSocket.Listener {
        final List<JsonNode> received = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                received.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            socket.request(1);
            return null;
        }

        JsonNode await(String type, String calledNumber) {
            return org.awaitility.Awaitility.await().until(() -> received.stream()
                    .filter(frame -> type.equals(frame.path("type").asString())
                            && (calledNumber == null || calledNumber.equals(frame.path("calledNumber").asString())))
                    .findFirst().orElse(null), java.util.Objects::nonNull);
        }
    }

    private static WebSocket connect(String token, Frames frames) throws Exception {
        String url = RunningSuite.gateway.url().replace("http://", "ws://") + "/ws/notifications?access_token=" + token;
        return HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(url), frames).get(20, TimeUnit.SECONDS);
    }

    private static String exchangeKey(SignedUpCompany company) {
        var created = company.viaGateway().post("/api/identity/api-keys",
                Map.of("name", "Office exchange", "scopes", List.of("telephony:write")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("key").asString();
    }

    /** Extension 101 to the user, once telephony-service has learnt of them from identity's events. */
    private static void mapExtension(SignedUpCompany company, String userId) {
        await().untilAsserted(() -> {
            var mapped = company.viaGateway().put("/api/telephony/extensions/101", Map.of("userId", userId));
            assertThat(mapped.status()).as(mapped.body()).isIn(200, 204);
        });
    }

    private static ApiClient exchange(String key) {
        return RunningSuite.gateway.api().withHeader("X-Api-Key", key);
    }

    private static Map<String, Object> callEvent(String exchangeCallId, String type, String from, String to) {
        return Map.of("eventId", exchangeCallId + "-" + type, "callId", exchangeCallId, "type", type,
                "direction", "INBOUND", "from", from, "to", to, "extension", "101",
                "occurredAt", Instant.now().toString());
    }

    @Test
    void aRingingCallPopsTheCallersCardOnTheManagersSocketAndAMissedOneBecomesALeadAndANotification()
            throws Exception {
        var company = new SignedUpCompany();
        String admin = company.viaGateway().get("/api/identity/me").json().get("id").asString();
        mapExtension(company, admin);
        var contact = company.viaGateway().post("/api/contacts", Map.of("firstName", "Oksana", "lastName", "Hnatiuk",
                "vip", true, "points", List.of(Map.of("kind", "PHONE", "value", "067 555 12 34"))));
        assertThat(contact.status()).as(contact.body()).isEqualTo(201);
        String contactId = contact.json().get("id").asString();
        String key = exchangeKey(company);
        var frames = new Frames();
        WebSocket socket = connect(company.token, frames);
        try {
            // telephony learns the contact's phone from contact.created: ring until the pop-up knows her
            String[] line = new String[1];
            JsonNode pop = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                line[0] = "+38044" + (2000000 + (int) (Math.random() * 999999));
                String call = "pbx-" + UUID.randomUUID();
                var posted = exchange(key).post("/api/integrations/telephony/events/generic",
                        callEvent(call, "RINGING", "+380 (67) 555-12-34", line[0]));
                assertThat(posted.status()).as(posted.body()).isEqualTo(202);
                JsonNode frame = frames.await("call.ringing", line[0]);
                exchange(key).post("/api/integrations/telephony/events/generic", callEvent(call, "ANSWERED",
                        "+380675551234", line[0]));
                exchange(key).post("/api/integrations/telephony/events/generic", callEvent(call, "ENDED",
                        "+380675551234", line[0]));
                return frame;
            }, frame -> frame.path("callers").size() == 1);
            assertThat(pop.get("callerNumber").asString()).isEqualTo("+380675551234");
            JsonNode card = pop.get("callers").get(0);
            assertThat(card.get("contactId").asString()).isEqualTo(contactId);
            assertThat(card.get("name").asString()).contains("Oksana").contains("Hnatiuk");
            assertThat(card.get("vip").asBoolean()).isTrue();

            // a call nobody answers: a missed call, a lead to call back, and the bell tells the manager
            String missedLine = "+380443334455";
            String missed = "pbx-" + UUID.randomUUID();
            assertThat(exchange(key).post("/api/integrations/telephony/events/generic",
                    callEvent(missed, "RINGING", "+380675551234", missedLine)).status()).isEqualTo(202);
            frames.await("call.ringing", missedLine);
            assertThat(exchange(key).post("/api/integrations/telephony/events/generic",
                    callEvent(missed, "ENDED", "+380675551234", missedLine)).status()).isEqualTo(202);
            frames.await("call.missed", null);

            await().untilAsserted(() -> {
                var leads = company.viaGateway().get("/api/deals/leads?source=missed-call&contact=" + contactId);
                assertThat(leads.status()).as(leads.body()).isEqualTo(200);
                assertThat(leads.body()).contains(contactId);
            });
            await().untilAsserted(() -> {
                var notifications = company.viaGateway().get("/api/notifications");
                assertThat(notifications.status()).as(notifications.body()).isEqualTo(200);
                assertThat(notifications.json().get("items").findValuesAsString("kind")).contains("call");
            });
            var calls = company.viaGateway().get("/api/telephony/calls?contactId=" + contactId);
            assertThat(calls.status()).as(calls.body()).isEqualTo(200);
            assertThat(calls.json().get("items").findValuesAsString("status")).contains("MISSED", "ENDED");
        } finally {
            socket.abort();
        }
    }

    @Test
    void everyInstanceOfNotificationsPushesTheScreenPopToTheUsersConnectedToItAndStoresTheNotificationOnce()
            throws Exception {
        var second = new ServiceProcess("notifications-service", "notifications-service-2",
                RunningSuite.notifications.environment());
        second.start().awaitReady();
        var company = new SignedUpCompany();
        String admin = company.viaGateway().get("/api/identity/me").json().get("id").asString();
        mapExtension(company, admin);
        String key = exchangeKey(company);
        var throughGateway = new Frames();
        var direct = new Frames();
        WebSocket first = connect(company.token, throughGateway);
        WebSocket other = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(10))
                .buildAsync(URI.create(second.url().replace("http://", "ws://") + "/ws/notifications?access_token="
                        + company.token), direct).get(20, TimeUnit.SECONDS);
        try {
            // each instance reads every event from the newest offset once its consumers joined: ring until both
            // sockets pop the same call
            String[] call = new String[1];
            await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofSeconds(2)).until(() -> {
                String line = "+38044" + (2000000 + (int) (Math.random() * 999999));
                var posted = exchange(key).post("/api/integrations/telephony/events/generic",
                        callEvent("pbx-" + UUID.randomUUID(), "RINGING", "+380509998877", line));
                assertThat(posted.status()).as(posted.body()).isEqualTo(202);
                call[0] = posted.json().get("callId").asString();
                JsonNode viaFirst = throughGateway.await("call.ringing", line);
                try {
                    JsonNode viaSecond = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(5))
                            .until(() -> direct.received.stream().filter(frame -> line.equals(
                                    frame.path("calledNumber").asString())).findFirst().orElse(null),
                                    java.util.Objects::nonNull);
                    return viaFirst.get("callId").asString().equals(viaSecond.get("callId").asString());
                } catch (org.awaitility.core.ConditionTimeoutException notYet) {
                    return false;
                }
            });
            await().untilAsserted(() -> {
                var stored = company.viaGateway().get("/api/notifications?limit=100").json().get("items");
                long forTheCall = java.util.stream.StreamSupport.stream(stored.spliterator(), false)
                        .filter(n -> call[0].equals(n.path("cardId").asString())).count();
                assertThat(forTheCall).as("notifications about call %s in %s", call[0], stored).isEqualTo(1);
            });
        } finally {
            first.abort();
            other.abort();
            second.stop();
        }
    }

    @Test
    void aSocketWithoutAValidTokenIsRefused() {
        var frames = new Frames();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> connect("not-a-token", frames)))
                .isNotNull();
        assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> HttpClient.newHttpClient()
                .newWebSocketBuilder().buildAsync(URI.create(RunningSuite.gateway.url().replace("http://", "ws://")
                        + "/ws/notifications"), frames).get(20, TimeUnit.SECONDS))).isNotNull();
    }
}
