package org.opencrm.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.opencrm.platform.test.ApiClient;

/** A company that signed up through the gateway, acting through its administrator's real token. */
final class SignedUpCompany {

    final UUID tenant;
    final String token;

    SignedUpCompany() {
        var signup = RunningSuite.gateway.api().post("/api/identity/signup", Map.of("companyName",
                "Company " + UUID.randomUUID(), "fullName", "Iryna Bondar",
                "email", "iryna-" + UUID.randomUUID() + "@example.com", "password", "a long enough password"));
        assertThat(signup.status()).as(signup.body()).isEqualTo(201);
        tenant = UUID.fromString(signup.json().get("tenantId").asString());
        token = signup.json().get("accessToken").asString();
    }

    ApiClient viaGateway() {
        return RunningSuite.gateway.api().withToken(token);
    }

    long contactCount() {
        var response = viaGateway().get("/api/analytics/counters");
        return response.status() == 200 ? response.json().get("contacts").asLong() : -1;
    }
}
