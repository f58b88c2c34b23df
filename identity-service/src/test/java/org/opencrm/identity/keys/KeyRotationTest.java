package org.opencrm.identity.keys;

import static org.assertj.core.api.Assertions.assertThat;

import com.nimbusds.jose.jwk.JWK;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

@CrmIntegrationTest
class KeyRotationTest {

    @Autowired
    SigningKeys keys;

    @LocalServerPort
    int port;

    @Test
    void aNewKeyIsPublishedBeforeItSignsAndTokensOfTheOldOneStayValidAfterItsRetirement() {
        var signup = ApiClient.onPort(port).withHeader("X-Forwarded-For", "198.22.0.1").post("/api/identity/signup",
                Map.of("companyName", "Rotation Ltd", "fullName", "Taras Melnyk",
                        "email", "taras-" + UUID.randomUUID() + "@example.com", "password", "a long enough password"));
        String tokenOfTheOldKey = signup.json().get("accessToken").asString();
        Instant now = Instant.now();
        String old = keys.signingKey(now).getKeyID();

        Instant due = now.plus(Duration.ofDays(31));
        keys.rotate(due);
        var published = keys.refreshPublicKeys().getKeys().stream().map(JWK::getKeyID).toList();
        String rotated = published.stream().filter(kid -> !kid.equals(old)).findFirst().orElseThrow();

        assertThat(published).contains(old, rotated);
        assertThat(keys.signingKey(due.plus(Duration.ofMinutes(5)))).as("announced, not signing yet")
                .satisfies(key -> assertThat(key.getKeyID()).isEqualTo(old));
        assertThat(keys.signingKey(due.plus(Duration.ofMinutes(11))).getKeyID()).isEqualTo(rotated);

        keys.rotate(due.plus(Duration.ofMinutes(11)));

        assertThat(keys.refreshPublicKeys().getKeys()).extracting(JWK::getKeyID).as("retired, still published")
                .contains(old, rotated);
        assertThat(keys.signingKey(now).getKeyID()).as("the retired key signs no more").isEqualTo(rotated);
        assertThat(ApiClient.onPort(port).withToken(tokenOfTheOldKey).get("/api/identity/me").status()).isEqualTo(200);
    }
}
