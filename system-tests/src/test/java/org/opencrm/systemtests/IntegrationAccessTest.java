package org.opencrm.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.AwaitilityDefaults;

/** An integration (a shop, a telephone exchange) calling the CRM through the gateway with an API key. */
@ExtendWith(AwaitilityDefaults.class)
class IntegrationAccessTest {

    @BeforeAll
    static void startTheSuite() {
        RunningSuite.start();
    }

    private static String createKey(SignedUpCompany company, List<String> scopes) {
        var created = company.viaGateway().post("/api/identity/api-keys", Map.of("name", "Shop", "scopes", scopes));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("key").asString();
    }

    private static ApiClient integration(String key) {
        return RunningSuite.gateway.api().withHeader("X-Api-Key", key);
    }

    @Test
    void anIntegrationCallsWithItsKeyAndTheCrmKnowsItsCompanyAndScopes() {
        var company = new SignedUpCompany();
        String key = createKey(company, List.of("shop:write"));

        var ping = integration(key).get("/api/integrations/ping");

        assertThat(ping.status()).as(ping.body()).isEqualTo(200);
        assertThat(ping.json().get("tenantId").asString()).isEqualTo(company.tenant.toString());
        assertThat(ping.json().get("scopes").toString()).contains("shop:write");
    }

    @Test
    void noKeyOrAnUnknownKeyIsUnauthorized() {
        var none = RunningSuite.gateway.api().get("/api/integrations/ping");
        var unknown = integration("crm_not-a-real-key").get("/api/integrations/ping");
        var userTokenInstead = new SignedUpCompany().viaGateway().get("/api/integrations/ping");

        assertThat(none.status()).isEqualTo(401);
        assertThat(none.json().get("type").asString()).isEqualTo("/problems/unauthorized");
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(userTokenInstead.status()).isEqualTo(401);
    }

    @Test
    void aKeyWithoutTheScopeIsForbiddenAndOneWithItGetsThrough() {
        var company = new SignedUpCompany();
        String readOnly = createKey(company, List.of("read"));
        String shop = createKey(company, List.of("shop:write"));

        var refused = integration(readOnly).post("/api/integrations/shop/orders", Map.of("orderId", "A-1"));
        var passed = integration(shop).post("/api/integrations/shop/orders", Map.of("orderId", "A-1"));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.json().get("type").asString()).isEqualTo("/problems/forbidden");
        // past the gateway's checks: deals-service itself answers (the order lacks its lines: 400 naming them)
        assertThat(passed.status()).as(passed.body()).isEqualTo(400);
        assertThat(passed.body()).contains("lines");
    }

    @Test
    void aRevokedKeyStopsWorkingWithinAMinute() {
        var company = new SignedUpCompany();
        var created = company.viaGateway().post("/api/identity/api-keys", Map.of("name", "Old", "scopes", List.of("read")));
        String key = created.json().get("key").asString();
        assertThat(integration(key).get("/api/integrations/ping").status()).isEqualTo(200);

        assertThat(company.viaGateway().delete("/api/identity/api-keys/" + created.json().get("id").asString()).status())
                .isEqualTo(204);

        await().until(() -> integration(key).get("/api/integrations/ping").status() == 401);
    }

    @Test
    void anotherCompanysKeyCannotBeRevokedOrSeen() {
        var company = new SignedUpCompany();
        var other = new SignedUpCompany();
        var theirs = other.viaGateway().post("/api/identity/api-keys", Map.of("name", "Theirs", "scopes", List.of("read")));

        assertThat(company.viaGateway().delete("/api/identity/api-keys/" + theirs.json().get("id").asString()).status())
                .isEqualTo(404);
        assertThat(company.viaGateway().get("/api/identity/api-keys").json()).isEmpty();
        assertThat(integration(theirs.json().get("key").asString()).get("/api/integrations/ping").status()).isEqualTo(200);
    }
}
