package org.opencrm.identity.apikey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.events.EventHeaders;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.identity.ApiKeyCreated;
import org.opencrm.platform.events.identity.ApiKeyRevoked;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@CrmIntegrationTest
class ApiKeyApiTest {

    @LocalServerPort
    int port;

    private record Admin(UUID tenantId, String token) {
    }

    private Admin signUp() {
        var signup = ApiClient.onPort(port).withHeader("X-Forwarded-For", "198.18.0." + (1 + (int) (Math.random() * 250)))
                .post("/api/identity/signup", Map.of("companyName", "Shop " + UUID.randomUUID(), "fullName", "Ivan Shop",
                        "email", "shop-" + UUID.randomUUID() + "@example.com", "password", "a sturdy password"));
        assertThat(signup.status()).isEqualTo(201);
        return new Admin(UUID.fromString(signup.json().get("tenantId").asString()), signup.json().get("accessToken").asString());
    }

    private ApiClient as(Admin admin) {
        return ApiClient.onPort(port).withToken(admin.token());
    }

    private ApiClient.Response exchange(String key) {
        var client = ApiClient.onPort(port);
        return (key == null ? client : client.withHeader("X-Api-Key", key)).post("/internal/integration-token", "");
    }

    @Test
    void anAdministratorCreatesAKeyThatIsShownOnceAndWorksForItsCompanyWithItsScopes() {
        Admin admin = signUp();
        JsonNode created;
        try (var tenantEvents = TopicProbe.on(Topics.IDENTITY_TENANT)) {
            var response = as(admin).post("/api/identity/api-keys", Map.of("name", "Online shop",
                    "scopes", List.of("shop:write", "read")));
            assertThat(response.status()).as(response.body()).isEqualTo(201);
            created = response.json();
            var event = tenantEvents.awaitRecord(r -> created.get("id").asString().equals(r.key()));
            assertThat(TopicProbe.header(event, EventHeaders.TYPE)).isEqualTo(ApiKeyCreated.TYPE);
            assertThat(new String(event.value())).doesNotContain(created.get("key").asString());
        }
        String key = created.get("key").asString();
        assertThat(key).startsWith("crm_").hasSizeGreaterThan(40);

        var listed = as(admin).get("/api/identity/api-keys");
        assertThat(listed.body()).doesNotContain(key);
        assertThat(listed.json().get(0).get("prefix").asString()).isEqualTo(key.substring(0, 8));
        assertThat(listed.json().get(0).get("lastUsedAt").isNull()).isTrue();

        var exchanged = exchange(key);
        assertThat(exchanged.status()).isEqualTo(200);
        var ping = ApiClient.onPort(port).withToken(exchanged.json().get("accessToken").asString()).get("/api/integrations/ping");
        assertThat(ping.status()).isEqualTo(200);
        assertThat(ping.json().get("tenantId").asString()).isEqualTo(admin.tenantId().toString());
        assertThat(ping.json().get("scopes").toString()).contains("shop:write").contains("read");
        assertThat(as(admin).get("/api/identity/api-keys").json().get(0).get("lastUsedAt").isNull()).isFalse();
    }

    @Test
    void integrationTokensOpenOnlyIntegrationEndpointsAndUserTokensOnlyTheRest() {
        Admin admin = signUp();
        String key = as(admin).post("/api/identity/api-keys", Map.of("name", "PBX", "scopes", List.of("telephony:write")))
                .json().get("key").asString();
        String integrationToken = exchange(key).json().get("accessToken").asString();

        assertThat(ApiClient.onPort(port).withToken(integrationToken).get("/api/identity/me").status()).isEqualTo(403);
        assertThat(ApiClient.onPort(port).withToken(integrationToken).get("/api/identity/api-keys").status()).isEqualTo(403);
        assertThat(as(admin).get("/api/integrations/ping").status()).isEqualTo(403);
    }

    @Test
    void aRevokedOrUnknownKeyIsRefused() {
        Admin admin = signUp();
        JsonNode created = as(admin).post("/api/identity/api-keys", Map.of("name", "Old shop", "scopes", List.of("read")))
                .json();

        try (var tenantEvents = TopicProbe.on(Topics.IDENTITY_TENANT)) {
            assertThat(as(admin).delete("/api/identity/api-keys/" + created.get("id").asString()).status()).isEqualTo(204);
            var event = tenantEvents.awaitRecord(r -> created.get("id").asString().equals(r.key())
                    && ApiKeyRevoked.TYPE.equals(TopicProbe.header(r, EventHeaders.TYPE)));
            assertThat(event).isNotNull();
        }

        assertThat(exchange(created.get("key").asString()).status()).isEqualTo(401);
        assertThat(exchange("crm_" + UUID.randomUUID()).status()).isEqualTo(401);
        assertThat(exchange(null).status()).isEqualTo(401);
        assertThat(as(admin).get("/api/identity/api-keys").json().get(0).get("revokedAt").isNull()).isFalse();
    }

    @Test
    void onlyAnAdministratorManagesKeysAndOnlyTheirCompanysKeys() {
        Admin admin = signUp();
        Admin other = signUp();
        String othersKeyId = as(other).post("/api/identity/api-keys", Map.of("name", "Theirs", "scopes", List.of("read")))
                .json().get("id").asString();

        assertThat(as(admin).delete("/api/identity/api-keys/" + othersKeyId).status()).isEqualTo(404);
        assertThat(as(admin).get("/api/identity/api-keys").json()).isEmpty();
        assertThat(as(other).get("/api/identity/api-keys").json().get(0).get("revokedAt").isNull()).isTrue();
    }

    @Test
    void aKeyNeedsANameAndKnownScopes() {
        Admin admin = signUp();

        var noName = as(admin).post("/api/identity/api-keys", Map.of("name", "", "scopes", List.of("read")));
        var badScope = as(admin).post("/api/identity/api-keys", Map.of("name", "X", "scopes", List.of("admin:all")));
        var noScopes = as(admin).post("/api/identity/api-keys", Map.of("name", "X", "scopes", List.of()));

        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("errors").findValuesAsString("field")).containsExactly("name");
        assertThat(badScope.status()).isEqualTo(400);
        assertThat(noScopes.status()).isEqualTo(400);
        assertThat(as(admin).get("/api/identity/api-keys").json()).isEmpty();
    }
}
