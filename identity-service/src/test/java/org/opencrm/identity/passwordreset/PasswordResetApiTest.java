package org.opencrm.identity.passwordreset;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.events.EventHeaders;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.identity.PasswordResetRequested;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

@CrmIntegrationTest
class PasswordResetApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private ApiClient anonymous() {
        return ApiClient.onPort(port).withHeader("X-Forwarded-For", "198.21.0." + (1 + (int) (Math.random() * 250)));
    }

    @Test
    void aUserResetsTheirPasswordWithTheLinkAndEverySessionEnds() {
        String email = "forgetful-" + UUID.randomUUID() + "@example.com";
        var signup = anonymous().post("/api/identity/signup", Map.of("companyName", "Forgetful Ltd", "fullName", "Petro Forgetful",
                "email", email, "password", "the old password"));
        String userId = signup.json().get("userId").asString();
        String oldRefresh = signup.json().get("refreshToken").asString();

        String token;
        try (var events = TopicProbe.on(Topics.IDENTITY_USER)) {
            // asked from the app in Ukrainian: the e-mail will be written in it
            assertThat(anonymous().withHeader("Accept-Language", "uk-UA,uk;q=0.9,en;q=0.5")
                    .post("/api/identity/password-reset", Map.of("email", email.toUpperCase())).status())
                    .isEqualTo(202);
            var event = events.awaitRecord(r -> userId.equals(r.key())
                    && PasswordResetRequested.TYPE.equals(TopicProbe.header(r, EventHeaders.TYPE)));
            assertThat(JSON.readTree(event.value()).get("language").asString()).isEqualTo("uk");
            String path = JSON.readTree(event.value()).get("resetPath").asString();
            assertThat(path).startsWith("/reset-password?token=");
            token = path.substring(path.indexOf('=') + 1);
        }

        assertThat(anonymous().post("/api/identity/password-reset/confirm",
                Map.of("token", token, "password", "the new password")).status()).isEqualTo(204);

        assertThat(anonymous().post("/api/identity/token", Map.of("email", email, "password", "the new password")).status())
                .isEqualTo(200);
        assertThat(anonymous().post("/api/identity/token", Map.of("email", email, "password", "the old password")).status())
                .isEqualTo(401);
        assertThat(anonymous().post("/api/identity/token/refresh", Map.of("refreshToken", oldRefresh)).status())
                .isEqualTo(401);
        var again = anonymous().post("/api/identity/password-reset/confirm", Map.of("token", token, "password", "a third password"));
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("type").asString()).isEqualTo("/problems/reset-not-valid");
    }

    @Test
    void anUnknownEmailGetsTheSameAnswer() {
        assertThat(anonymous().post("/api/identity/password-reset",
                Map.of("email", "nobody-" + UUID.randomUUID() + "@example.com")).status()).isEqualTo(202);
    }

    @Test
    void badRequestsAreRejected() {
        assertThat(anonymous().post("/api/identity/password-reset", Map.of("email", "not an email")).status()).isEqualTo(400);
        assertThat(anonymous().post("/api/identity/password-reset/confirm",
                Map.of("token", "made-up", "password", "long enough password")).status()).isEqualTo(404);
        assertThat(anonymous().post("/api/identity/password-reset/confirm",
                Map.of("token", "made-up", "password", "short")).status()).isEqualTo(400);
    }
}
