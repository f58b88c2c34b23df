package org.opencrm.identity.session;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;
import java.util.Map;
import javax.sql.DataSource;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.events.EventHeaders;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.identity.TenantCreated;
import org.opencrm.platform.events.identity.UserActivated;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TestTokens;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@CrmIntegrationTest
class SessionApiTest {

    private static final String PASSWORD = "correct horse battery";

    @LocalServerPort
    int port;

    @Autowired
    DataSource dataSource;

    @Autowired
    TokenSettings settings;

    /** A client from its own address, so per-address throttling of one test does not touch another. */
    private ApiClient client() {
        return ApiClient.onPort(port).withHeader("X-Forwarded-For", "198.51.100." + (1 + (int) (Math.random() * 250)));
    }

    private record Account(String email, UUID tenantId, UUID userId, JsonNode signup) {
    }

    private Account signUp(String company) {
        String email = "admin-" + UUID.randomUUID() + "@example.com";
        var response = client().post("/api/identity/signup",
                Map.of("companyName", company, "fullName", "Olena Kovalenko", "email", email, "password", PASSWORD));
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        JsonNode body = response.json();
        return new Account(email, UUID.fromString(body.get("tenantId").asString()),
                UUID.fromString(body.get("userId").asString()), body);
    }

    private JsonNode signIn(String email, String password) {
        var response = client().post("/api/identity/token", Map.of("email", email, "password", password));
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void signUpCreatesTheCompanyAndItsAdministratorWhoCanUseTheApiAtOnce() {
        Account account = signUp("Kovalenko Trading");

        var me = ApiClient.onPort(port).withToken(account.signup().get("accessToken").asString()).get("/api/identity/me");

        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().get("email").asString()).isEqualTo(account.email());
        assertThat(me.json().get("firstName").asString()).isEqualTo("Olena");
        assertThat(me.json().get("lastName").asString()).isEqualTo("Kovalenko");
        assertThat(me.json().get("role").asString()).isEqualTo("ADMIN");
        assertThat(me.json().at("/company/name").asString()).isEqualTo("Kovalenko Trading");
        assertThat(me.json().at("/company/id").asString()).isEqualTo(account.tenantId().toString());
    }

    @Test
    void signUpPublishesTenantCreatedAndUserActivated() {
        try (var tenants = TopicProbe.on(Topics.IDENTITY_TENANT); var users = TopicProbe.on(Topics.IDENTITY_USER)) {
            Account account = signUp("Evented Ltd");

            var tenant = tenants.awaitRecord(r -> account.tenantId().toString().equals(r.key()));
            var user = users.awaitRecord(r -> account.userId().toString().equals(r.key()));

            assertThat(TopicProbe.header(tenant, EventHeaders.TYPE)).isEqualTo(TenantCreated.TYPE);
            assertThat(TopicProbe.header(tenant, EventHeaders.TENANT_ID)).isEqualTo(account.tenantId().toString());
            assertThat(TopicProbe.header(user, EventHeaders.TYPE)).isEqualTo(UserActivated.TYPE);
            assertThat(new String(user.value())).contains("\"role\":\"ADMIN\"").doesNotContain("password");
        }
    }

    @Test
    void aSecondSignUpWithTheSameEmailIsAConflict() {
        Account account = signUp("First");

        var again = client().post("/api/identity/signup", Map.of("companyName", "Second", "fullName", "Someone Else",
                "email", account.email().toUpperCase(), "password", PASSWORD));

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().get("type").asString()).isEqualTo("/problems/email-taken");
    }

    @Test
    void invalidSignUpListsTheFieldsAndCreatesNothing() {
        var response = client().post("/api/identity/signup",
                Map.of("companyName", "", "fullName", "X", "email", "nope", "password", "short"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("errors").findValuesAsString("field"))
                .containsExactly("companyName", "email", "password");
        assertThat(client().post("/api/identity/token", Map.of("email", "nope", "password", "short")).status())
                .isEqualTo(401);
    }

    @Test
    void signInIssuesAShortLivedRs256AccessTokenWithTheCrmClaimsAndAPublishedKeyId() throws Exception {
        Account account = signUp("Claims Inc");

        JsonNode tokens = signIn(account.email(), PASSWORD);
        SignedJWT jwt = SignedJWT.parse(tokens.get("accessToken").asString());
        var jwks = JWKSet.parse(ApiClient.onPort(port).get("/.well-known/jwks.json").body());

        assertThat(tokens.get("expiresIn").asLong()).isEqualTo(900);
        assertThat(tokens.get("tokenType").asString()).isEqualTo("Bearer");
        assertThat(jwt.getHeader().getAlgorithm().getName()).isEqualTo("RS256");
        assertThat(jwks.getKeyByKeyId(jwt.getHeader().getKeyID())).isNotNull();
        assertThat(jwks.getKeyByKeyId(jwt.getHeader().getKeyID()).isPrivate()).isFalse();
        var claims = jwt.getJWTClaimsSet();
        assertThat(claims.getSubject()).isEqualTo(account.userId().toString());
        assertThat(claims.getStringClaim("tenant_id")).isEqualTo(account.tenantId().toString());
        assertThat(claims.getStringListClaim("roles")).containsExactly("ADMIN");
        assertThat(claims.getStringClaim("token_type")).isEqualTo("access");
        assertThat(claims.getAudience()).containsExactly("crm");
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isEqualTo(900_000);
    }

    @Test
    void privateSigningKeysAreStoredEncrypted() throws Exception {
        signUp("Keyed");
        try (var db = org.opencrm.platform.test.TestDatabase.get().connect();
                var rows = db.createStatement().executeQuery("select private_key from signing_key")) {
            assertThat(rows.next()).isTrue();
            String stored = rows.getString(1);
            assertThat(stored).startsWith("v1:");
            // a PKCS#8 RSA key in Base64 starts with MII...; the stored value must not be one
            assertThat(stored.substring(3)).doesNotStartWith("MII");
        }
    }

    @Test
    void wrongPasswordAndUnknownEmailGetTheSameAnswer() {
        Account account = signUp("Secretive");

        var wrongPassword = client().post("/api/identity/token", Map.of("email", account.email(), "password", "wrong-password"));
        var unknown = client().post("/api/identity/token", Map.of("email", "nobody@example.com", "password", "wrong-password"));

        assertThat(wrongPassword.status()).isEqualTo(401);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(wrongPassword.body()).isEqualTo(unknown.body().replace("/api/identity/token", "/api/identity/token"));
        assertThat(wrongPassword.json().get("type").asString()).isEqualTo("/problems/invalid-credentials");
    }

    @Test
    void refreshRotatesAndReusingAnOldRefreshTokenRevokesTheWholeFamily() {
        Account account = signUp("Rotation");
        String first = signIn(account.email(), PASSWORD).get("refreshToken").asString();

        var rotated = client().post("/api/identity/token/refresh", Map.of("refreshToken", first));
        assertThat(rotated.status()).isEqualTo(200);
        String second = rotated.json().get("refreshToken").asString();
        assertThat(second).isNotEqualTo(first);
        assertThat(ApiClient.onPort(port).withToken(rotated.json().get("accessToken").asString())
                .get("/api/identity/me").status()).isEqualTo(200);

        var reuse = client().post("/api/identity/token/refresh", Map.of("refreshToken", first));
        assertThat(reuse.status()).isEqualTo(401);
        // the thief's replay also locked out the successor
        assertThat(client().post("/api/identity/token/refresh", Map.of("refreshToken", second)).status()).isEqualTo(401);
        // another session of the same user is untouched
        String other = signIn(account.email(), PASSWORD).get("refreshToken").asString();
        assertThat(client().post("/api/identity/token/refresh", Map.of("refreshToken", other)).status()).isEqualTo(200);
    }

    @Test
    void logoutRevokesTheRefreshToken() {
        Account account = signUp("Leaving");
        String refresh = signIn(account.email(), PASSWORD).get("refreshToken").asString();

        assertThat(client().post("/api/identity/logout", Map.of("refreshToken", refresh)).status()).isEqualTo(204);

        assertThat(client().post("/api/identity/token/refresh", Map.of("refreshToken", refresh)).status()).isEqualTo(401);
    }

    @Test
    void garbageRefreshTokenIsUnauthorized() {
        var response = client().post("/api/identity/token/refresh", Map.of("refreshToken", "not-a-token"));
        assertThat(response.status()).isEqualTo(401);
    }

    @Test
    void repeatedFailedSignInsForAnAccountAreThrottledWithRetryAfter() {
        Account account = signUp("Targeted");
        for (int i = 0; i < 5; i++) {
            assertThat(client().post("/api/identity/token", Map.of("email", account.email(), "password", "guess-" + i))
                    .status()).isEqualTo(401);
        }

        var throttled = client().post("/api/identity/token", Map.of("email", account.email(), "password", PASSWORD));

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(Long.parseLong(throttled.header("Retry-After"))).isPositive();
        assertThat(throttled.json().get("type").asString()).isEqualTo("/problems/too-many-attempts");
    }

    @Test
    void manySignInsFromOneAddressAreThrottled() {
        var sameAddress = ApiClient.onPort(port).withHeader("X-Forwarded-For", "203.0.113.77");
        int throttled = 0;
        for (int i = 0; i < 21; i++) {
            var response = sameAddress.post("/api/identity/token",
                    Map.of("email", "someone-" + i + "@example.com", "password", "whatever-" + i));
            if (response.status() == 429) {
                throttled++;
            }
        }
        assertThat(throttled).isEqualTo(1);
    }

    @Test
    void meNeedsAnAccessTokenThatIdentityIssued() {
        assertThat(ApiClient.onPort(port).get("/api/identity/me").status()).isEqualTo(401);
        // a token signed by some other key, even with a valid shape, is refused
        assertThat(ApiClient.onPort(port).withToken(TestTokens.accessToken(UUID.randomUUID(), UUID.randomUUID(), "ADMIN"))
                .get("/api/identity/me").status()).isEqualTo(401);
    }

    @Test
    void attemptsCountedByOneInstanceCountForEveryInstance() {
        var one = new LoginThrottle(settings, dataSource);
        var another = new LoginThrottle(settings, dataSource);
        String email = "shared-" + UUID.randomUUID() + "@example.com";

        for (int i = 0; i < settings.login().perAccount(); i++) {
            (i % 2 == 0 ? one : another).attempt(email, "203.0.113." + (i + 1));
        }

        assertThatThrownBy(() -> one.attempt(email, "203.0.113.200")).isInstanceOf(TooManyAttemptsException.class);
        assertThatThrownBy(() -> another.attempt(email, "203.0.113.201")).isInstanceOf(TooManyAttemptsException.class);
    }
}
