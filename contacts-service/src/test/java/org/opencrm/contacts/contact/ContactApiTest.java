package org.opencrm.contacts.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.events.EventHeaders;
import org.opencrm.platform.events.GoldenSamples;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.contacts.ContactCreated;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TestDatabase;
import org.opencrm.platform.test.TestTokens;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@CrmIntegrationTest
class ContactApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static TopicProbe contactEvents;

    private final UUID tenant = UUID.randomUUID();
    private final UUID manager = UUID.randomUUID();

    @LocalServerPort
    int port;

    @BeforeAll
    static void watchTopic() {
        contactEvents = TopicProbe.on(Topics.CONTACTS_CONTACT);
    }

    @AfterAll
    static void stopWatching() {
        contactEvents.close();
    }

    private ApiClient api(UUID tenantId, UUID userId) {
        return ApiClient.onPort(port).withToken(TestTokens.accessToken(tenantId, userId, "MANAGER"));
    }

    @Test
    void createdContactIsStoredAndReadBack() {
        var created = api(tenant, manager).post("/api/contacts", Map.of("firstName", "Olena", "lastName", "Kovalenko",
                "email", "Olena.Kovalenko@Example.com", "phone", "+380 67 123 45 67"));

        assertThat(created.status()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/contacts/" + id);
        assertThat(created.json().get("email").asString()).isEqualTo("olena.kovalenko@example.com");
        assertThat(created.json().get("ownerId").asString()).isEqualTo(manager.toString());

        var read = api(tenant, manager).get("/api/contacts/" + id);
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("firstName").asString()).isEqualTo("Olena");
        assertThat(read.json().get("lastName").asString()).isEqualTo("Kovalenko");
    }

    @Test
    void creatingAContactPublishesContactCreatedWithItsCloudEventsAttributes() {
        var created = api(tenant, manager).post("/api/contacts", Map.of("firstName", "Taras", "phone", "+380501112233"));
        String id = created.json().get("id").asString();

        var record = contactEvents.awaitRecord(r -> id.equals(r.key()));

        assertThat(TopicProbe.header(record, EventHeaders.TYPE)).isEqualTo(ContactCreated.TYPE);
        assertThat(TopicProbe.header(record, EventHeaders.SOURCE)).isEqualTo("contacts-service");
        assertThat(TopicProbe.header(record, EventHeaders.SUBJECT)).isEqualTo(id);
        assertThat(TopicProbe.header(record, EventHeaders.TENANT_ID)).isEqualTo(tenant.toString());
        assertThat(TopicProbe.header(record, EventHeaders.ACTOR_ID)).isEqualTo(manager.toString());
        assertThat(TopicProbe.header(record, EventHeaders.SPEC_VERSION)).isEqualTo("1.0");
        assertThat(UUID.fromString(TopicProbe.header(record, EventHeaders.ID))).isNotNull();
        JsonNode data = JSON.readTree(record.value());
        assertThat(data.get("contactId").asString()).isEqualTo(id);
        assertThat(data.get("phone").asString()).isEqualTo("+380501112233");
        // the same fields as the contract's golden sample, no more and no fewer
        JsonNode golden = JSON.readTree(GoldenSamples.read(ContactCreated.TYPE));
        assertThat(data.propertyNames()).containsExactlyInAnyOrderElementsOf(golden.propertyNames());
    }

    @Test
    void contactRowAndItsOutboxEntryCommitTogether() throws Exception {
        var created = api(tenant, manager).post("/api/contacts", Map.of("firstName", "Iryna"));
        String id = created.json().get("id").asString();

        try (var db = TestDatabase.get().connect();
                var statement = db.prepareStatement(
                        "select count(*) from event_publication where serialized_event like ?")) {
            statement.setString(1, "%" + id + "%");
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).isEqualTo(1);
            }
        }
    }

    @Test
    void anotherTenantCannotReadTheContactEvenWithItsId() {
        String id = api(tenant, manager).post("/api/contacts", Map.of("firstName", "Secret")).json().get("id").asString();

        var foreign = api(UUID.randomUUID(), UUID.randomUUID()).get("/api/contacts/" + id);

        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.body()).doesNotContain("Secret");
        assertThat(foreign.json().get("type").asString()).isEqualTo("/problems/not-found");
    }

    @Test
    void unknownContactIsNotFound() {
        var response = api(tenant, manager).get("/api/contacts/" + UUID.randomUUID());
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void invalidContactIsRejectedWithFieldErrorsAndNothingIsStored() throws Exception {
        var response = api(tenant, manager).post("/api/contacts",
                Map.of("firstName", " ", "email", "not-an-email", "phone", "call me"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/validation");
        assertThat(response.json().get("errors").findValuesAsString("field"))
                .containsExactly("email", "firstName", "phone");
        try (var db = TestDatabase.get().connect();
                var statement = db.prepareStatement("select count(*) from contact where email = 'not-an-email'");
                ResultSet rows = statement.executeQuery()) {
            rows.next();
            assertThat(rows.getInt(1)).isZero();
        }
    }

    @Test
    void malformedJsonIsABadRequest() {
        var response = api(tenant, manager).post("/api/contacts", "{\"firstName\": ");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/malformed-request");
    }

    @Test
    void anIntegrationTokenCannotUseThePeoplesApi() {
        var response = ApiClient.onPort(port).withToken(TestTokens.tokenOfType("integration", tenant, manager))
                .get("/api/contacts/" + UUID.randomUUID());

        assertThat(response.status()).isEqualTo(403);
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/forbidden");
    }

    @Test
    void requestsWithoutAValidTokenAreUnauthorized() {
        var noToken = ApiClient.onPort(port).get("/api/contacts/" + UUID.randomUUID());
        var expired = ApiClient.onPort(port).withToken(TestTokens.expiredAccessToken(tenant, manager, "MANAGER"))
                .get("/api/contacts/" + UUID.randomUUID());
        var forged = ApiClient.onPort(port).withToken(TestTokens.tokenSignedByAnotherKey(tenant, manager, "ADMIN"))
                .post("/api/contacts", Map.of("firstName", "Forged"));

        var unsigned = ApiClient.onPort(port).withToken(TestTokens.unsignedToken(tenant, manager, "ADMIN"))
                .get("/api/contacts/" + UUID.randomUUID());
        var otherAudience = ApiClient.onPort(port).withToken(TestTokens.tokenForAnotherAudience(tenant, manager, "ADMIN"))
                .get("/api/contacts/" + UUID.randomUUID());
        var refreshType = ApiClient.onPort(port).withToken(TestTokens.tokenOfType("refresh", tenant, manager, "ADMIN"))
                .get("/api/contacts/" + UUID.randomUUID());
        var noTenant = ApiClient.onPort(port).withToken(TestTokens.tokenWithoutTenant(manager, "ADMIN"))
                .get("/api/contacts/" + UUID.randomUUID());

        assertThat(noToken.status()).isEqualTo(401);
        assertThat(unsigned.status()).as("alg: none").isEqualTo(401);
        assertThat(otherAudience.status()).isEqualTo(401);
        assertThat(refreshType.status()).isEqualTo(401);
        assertThat(noTenant.status()).isEqualTo(401);
        assertThat(noToken.json().get("type").asString()).isEqualTo("/problems/unauthorized");
        assertThat(expired.status()).isEqualTo(401);
        assertThat(forged.status()).isEqualTo(401);
    }
}
