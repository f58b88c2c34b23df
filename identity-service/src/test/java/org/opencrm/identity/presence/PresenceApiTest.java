package org.opencrm.identity.presence;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.events.EventHeaders;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.identity.UserPresenceChanged;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@CrmIntegrationTest
class PresenceApiTest {

    @LocalServerPort
    int port;

    @Autowired
    Presence presence;

    private record Member(UUID userId, ApiClient api) {
    }

    private Member signUp() {
        var signup = ApiClient.onPort(port).withHeader("X-Forwarded-For", "198.20.0." + (1 + (int) (Math.random() * 250)))
                .post("/api/identity/signup", Map.of("companyName", "Present " + UUID.randomUUID(), "fullName", "Nina Here",
                        "email", "here-" + UUID.randomUUID() + "@example.com", "password", "a sturdy password"));
        assertThat(signup.status()).isEqualTo(201);
        return new Member(UUID.fromString(signup.json().get("userId").asString()),
                ApiClient.onPort(port).withToken(signup.json().get("accessToken").asString()));
    }

    private String statusOf(Member viewer, UUID userId) {
        for (var entry : viewer.api().get("/api/identity/presence").json()) {
            if (entry.get("userId").asString().equals(userId.toString())) {
                return entry.get("status").asString();
            }
        }
        return null;
    }

    @Test
    void aUserChoosesAStatusWhichIsPublishedAndSeenByTheCompanyOnly() {
        Member member = signUp();
        Member stranger = signUp();
        try (var events = TopicProbe.on(Topics.IDENTITY_USER)) {
            var set = member.api().put("/api/identity/presence", Map.of("status", "DO_NOT_DISTURB"));
            assertThat(set.status()).isEqualTo(200);
            var event = events.awaitRecord(r -> member.userId().toString().equals(r.key())
                    && UserPresenceChanged.TYPE.equals(TopicProbe.header(r, EventHeaders.TYPE)));
            assertThat(new String(event.value())).contains("\"status\":\"DO_NOT_DISTURB\"").contains("\"manual\":true");
        }

        assertThat(statusOf(member, member.userId())).isEqualTo("DO_NOT_DISTURB");
        assertThat(statusOf(stranger, member.userId())).isNull();
    }

    @Test
    void activityMakesAUserOnlineAndInactivityAwayThenOfflineButLeavesAChosenStatusUntilOffline() {
        Member busy = signUp();
        Member idle = signUp();
        busy.api().put("/api/identity/presence", Map.of("status", "DO_NOT_DISTURB"));
        assertThat(idle.api().post("/api/identity/presence/heartbeat", Map.of()).json().get("status").asString())
                .isEqualTo("ONLINE");

        presence.sweep(Instant.now().plus(Duration.ofMinutes(6)));
        assertThat(statusOf(idle, idle.userId())).isEqualTo("AWAY");
        assertThat(statusOf(busy, busy.userId())).isEqualTo("DO_NOT_DISTURB");

        presence.sweep(Instant.now().plus(Duration.ofMinutes(31)));
        assertThat(statusOf(idle, idle.userId())).isEqualTo("OFFLINE");
        assertThat(statusOf(busy, busy.userId())).isEqualTo("OFFLINE");

        assertThat(idle.api().post("/api/identity/presence/heartbeat", Map.of()).json().get("status").asString())
                .isEqualTo("ONLINE");
    }

    @Test
    void anUnknownStatusIsRejected() {
        Member member = signUp();
        assertThat(member.api().put("/api/identity/presence", Map.of("status", "ON_THE_MOON")).status()).isEqualTo(400);
        assertThat(member.api().put("/api/identity/presence", Map.of()).status()).isEqualTo(400);
    }
}
