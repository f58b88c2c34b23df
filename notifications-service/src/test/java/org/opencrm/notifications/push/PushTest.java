package org.opencrm.notifications.push;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opencrm.notifications.Company;
import org.opencrm.platform.events.contacts.CommentAdded;
import org.opencrm.platform.events.identity.UserPresenceChanged;
import org.opencrm.platform.events.telephony.CallAnswered;
import org.opencrm.platform.events.telephony.CallRinging;
import org.opencrm.platform.events.telephony.CallerCard;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TestTokens;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The push channel, through a real WebSocket client: who may connect, and who gets which frame. */
@CrmIntegrationTest
class PushTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    KafkaListenerEndpointRegistry listeners;

    /** A browser's connection: every text frame it received, as JSON. */
    static final class Browser implements WebSocket.Listener {

        final List<JsonNode> frames = new CopyOnWriteArrayList<>();
        private final StringBuilder partial = new StringBuilder();
        WebSocket socket;

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                frames.add(JSON.readTree(partial.toString()));
                partial.setLength(0);
            }
            webSocket.request(1);
            return null;
        }

        List<JsonNode> ofType(String type) {
            return frames.stream().filter(f -> type.equals(f.get("type").asString())).toList();
        }
    }

    @BeforeEach
    void pushFeedsListen() {
        // the push feeds read from the newest offset: wait until they hold their partitions
        await().until(() -> listeners.getListenerContainers().stream()
                .filter(c -> c.getListenerId() != null && c.getListenerId().startsWith("push-"))
                .allMatch(c -> c.getAssignedPartitions() != null && !c.getAssignedPartitions().isEmpty()));
    }

    private Browser connect(String token) {
        var browser = new Browser();
        browser.socket = HTTP.newWebSocketBuilder().header("Authorization", "Bearer " + token)
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/notifications"), browser).join();
        return browser;
    }

    private Browser connectWithQueryToken(String token) {
        var browser = new Browser();
        browser.socket = HTTP.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/notifications?access_token=" + token), browser)
                .join();
        return browser;
    }

    private int refusedStatus(CompletableFuture<WebSocket> connecting) {
        try {
            connecting.get(10, TimeUnit.SECONDS).abort();
            throw new AssertionError("the connection was accepted");
        } catch (java.util.concurrent.ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(WebSocketHandshakeException.class);
            return ((WebSocketHandshakeException) e.getCause()).getResponse().statusCode();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private CompletableFuture<WebSocket> attempt(String authorization, String query) {
        var builder = HTTP.newWebSocketBuilder();
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder.buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/notifications" + query),
                new Browser());
    }

    @Test
    void aConnectionWithoutAValidAccessTokenIsRefusedWith401() {
        UUID tenant = UUID.randomUUID();
        UUID user = UUID.randomUUID();
        assertThat(refusedStatus(attempt(null, ""))).as("no token").isEqualTo(401);
        assertThat(refusedStatus(attempt("Bearer " + TestTokens.expiredAccessToken(tenant, user, "MANAGER"), "")))
                .as("expired").isEqualTo(401);
        assertThat(refusedStatus(attempt("Bearer " + TestTokens.tokenSignedByAnotherKey(tenant, user, "MANAGER"), "")))
                .as("foreign").isEqualTo(401);
        assertThat(refusedStatus(attempt("Bearer not.a.jwt", ""))).as("malformed").isEqualTo(401);
        assertThat(refusedStatus(attempt(null, "?access_token=" + TestTokens.unsignedToken(tenant, user, "MANAGER"))))
                .as("unsigned, in the query").isEqualTo(401);
        assertThat(refusedStatus(attempt(null, "?access_token="
                + TestTokens.tokenForAnotherAudience(tenant, user, "MANAGER")))).as("another audience").isEqualTo(401);
        assertThat(refusedStatus(attempt("Bearer " + TestTokens.integrationToken(tenant, user, "telephony:write"),
                ""))).as("an integration's token").isEqualTo(401);
        assertThat(refusedStatus(attempt("Bearer " + TestTokens.tokenOfType("refresh", tenant, user), "")))
                .as("a refresh token").isEqualTo(401);
    }

    @Test
    void theScreenPopReachesOnlyTheUserItRingsForAndPresenceAndChangesTheWholeCompany() {
        Company company = new Company(port, jdbc);
        UUID olena = company.hire("Olena", "Kovalenko", "olena@push.example", "MANAGER");
        UUID taras = company.hire("Taras", "Shevchuk", "taras@push.example", "MANAGER");
        Company other = new Company(port, jdbc, "Other Ltd");
        Browser olenasTab = connect(TestTokens.accessToken(company.tenant, olena, "MANAGER"));
        Browser olenasSecondTab = connectWithQueryToken(TestTokens.accessToken(company.tenant, olena, "MANAGER"));
        Browser tarasTab = connect(TestTokens.accessToken(company.tenant, taras, "MANAGER"));
        Browser stranger = connect(TestTokens.accessToken(other.tenant, UUID.randomUUID(), "ADMIN"));

        UUID call = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        var card = new CallerCard(contact, "Iryna Bondar", null, null, olena, true, 2,
                List.of(new CallerCard.Amount(new BigDecimal("1180.50"), "UAH")), Instant.now(), "DEAL");
        company.publish(new CallRinging(call, "INBOUND", "+380671234567", "+380441234567", "101", olena, List.of(card),
                Instant.parse("2026-11-27T10:00:00Z")), null);

        for (Browser tab : List.of(olenasTab, olenasSecondTab)) {
            JsonNode pop = await().until(() -> tab.ofType("call.ringing"), f -> !f.isEmpty()).getFirst();
            assertThat(pop.get("callId").asString()).isEqualTo(call.toString());
            assertThat(pop.get("callerNumber").asString()).isEqualTo("+380671234567");
            assertThat(pop.get("extension").asString()).isEqualTo("101");
            assertThat(pop.get("startedAt").asString()).isEqualTo("2026-11-27T10:00:00Z");
            assertThat(pop.get("callers").get(0).get("name").asString()).isEqualTo("Iryna Bondar");
            assertThat(pop.get("callers").get(0).get("openDealsTotals").get(0).get("currency").asString())
                    .isEqualTo("UAH");
        }
        company.publish(new CallAnswered(call, "INBOUND", "+380671234567", "+380441234567", "101", olena, contact,
                Instant.now().minusSeconds(5), Instant.now(), 5), null);
        JsonNode answered = await().until(() -> olenasTab.ofType("call.answered"), f -> !f.isEmpty()).getFirst();
        assertThat(answered.get("callId").asString()).isEqualTo(call.toString());
        // the call's record changed: every open screen of the company hears it, another company's does not
        await().until(() -> tarasTab.ofType("changed").stream()
                .anyMatch(f -> f.get("entity").asString().equals("call") && f.get("id").asString()
                        .equals(call.toString())));

        company.publish(new UserPresenceChanged(taras, "AWAY", true, Instant.now()), taras);
        for (Browser tab : List.of(olenasTab, tarasTab)) {
            JsonNode presence = await().until(() -> tab.ofType("presence"), f -> !f.isEmpty()).getFirst();
            assertThat(presence.get("userId").asString()).isEqualTo(taras.toString());
            assertThat(presence.get("status").asString()).isEqualTo("AWAY");
        }

        // a mention: the notification frame, once the notification is stored
        company.publish(new CommentAdded(UUID.randomUUID(), "DEAL", UUID.randomUUID(), olena, List.of(taras),
                "look at this", Instant.now()), olena);
        JsonNode notification = await().until(() -> tarasTab.ofType("notification"), f -> !f.isEmpty()).getFirst()
                .get("notification");
        assertThat(notification.get("title").asString()).isEqualTo("Olena Kovalenko mentioned you");
        assertThat(notification.get("cardType").asString()).isEqualTo("DEAL");
        assertThat(notification.get("readAt").isNull()).isTrue();
        assertThat(notification.propertyNames()).containsExactlyInAnyOrder("id", "kind", "title", "body", "cardType",
                "cardId", "createdAt", "readAt");
        var listed = company.as(taras, "MANAGER").get("/api/notifications").json().get("items").get(0);
        assertThat(notification.get("id").asString()).isEqualTo(listed.get("id").asString());

        assertThat(tarasTab.ofType("call.ringing")).as("rang for Olena only").isEmpty();
        await().during(Duration.ofMillis(500)).until(() -> true);
        assertThat(stranger.frames).as("another company's connection").isEmpty();
        assertThat(olenasTab.ofType("notification")).as("a call.ringing notification for Olena, not Taras's")
                .allSatisfy(f -> assertThat(f.get("notification").get("kind").asString()).isEqualTo("call"));
        for (Browser tab : List.of(olenasTab, olenasSecondTab, tarasTab, stranger)) {
            tab.socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").join();
        }
    }
}
