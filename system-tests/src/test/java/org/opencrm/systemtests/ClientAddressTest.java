package org.opencrm.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ApiClient;

/**
 * The services behind the gateway see each client's own address, not the gateway's: sign-in attempts are
 * counted per address, so one noisy client does not lock everybody else out.
 */
class ClientAddressTest {

    /** identity-service's default (crm.identity.tokens.login.per-address) */
    static final int ATTEMPTS_PER_ADDRESS = 30;

    @BeforeAll
    static void startTheSuite() {
        RunningSuite.start();
    }

    /** A client as a proxy in front of the gateway (a load balancer) reports it. */
    private static ApiClient clientAt(String address) {
        return RunningSuite.gateway.api().withHeader("X-Forwarded-For", address);
    }

    @Test
    void signInAttemptsAreLimitedPerClientAddressBehindTheGateway() {
        var noisy = clientAt("198.51.100.7");
        for (int i = 0; i < ATTEMPTS_PER_ADDRESS; i++) {
            // a different account each time: only the address's limit can be reached
            var wrong = noisy.post("/api/identity/token", Map.of("email", "nobody-" + UUID.randomUUID() + "@example.com",
                    "password", "not the password"));
            assertThat(wrong.status()).as(wrong.body()).isEqualTo(401);
        }

        var blocked = noisy.post("/api/identity/token", Map.of("email", "nobody@example.com", "password", "x"));
        var someoneElse = clientAt("198.51.100.8").post("/api/identity/token",
                Map.of("email", "nobody@example.com", "password", "x"));

        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.header("Retry-After")).isNotBlank();
        assertThat(someoneElse.status()).as("another address still may try").isEqualTo(401);
    }
}
