package org.opencrm.contacts.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.ResultSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.events.EventHeaders;
import org.opencrm.platform.events.GoldenSamples;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.contacts.ContactCreated;
import org.opencrm.platform.events.contacts.ContactDeleted;
import org.opencrm.platform.events.contacts.ContactUpdated;
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

    /** A request body with more fields than Map.of takes. */
    static Map<String, Object> fields(Object... namesAndValues) {
        var fields = new java.util.LinkedHashMap<String, Object>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            fields.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return fields;
    }

    static Map<String, Object> point(String kind, String value) {
        return Map.of("kind", kind, "value", value);
    }

    @Test
    void aWholeCardIsStoredWithItsContactPointsNormalisedAndReadBack() {
        var created = api(tenant, manager).post("/api/contacts", fields(
                "firstName", "Olena", "middleName", "Petrivna", "lastName", "Kovalenko", "kind", "PERSON",
                "birthDate", "1990-04-12", "position", "Buyer", "vip", true, "source", "Instagram",
                "status", "ACTIVE", "tags", List.of("wholesale", "kyiv"), "newsConsent", true,
                "paymentPreference", "card", "deliveryPreference", "Nova Poshta", "notes", "Prefers calls after 10",
                "points", List.of(
                        Map.of("kind", "PHONE", "label", "mobile", "value", "067 123-45-67"),
                        Map.of("kind", "PHONE", "label", "work", "value", "+380 44 123 45 67", "primary", true),
                        point("EMAIL", "Olena.Kovalenko@Example.com"),
                        Map.of("kind", "MESSENGER", "label", "Telegram", "value", "@olena_k"),
                        point("WEBSITE", "kovalenko.example.com"),
                        point("ADDRESS", "Kyiv, Khreshchatyk 1"))));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).isEqualTo("/api/contacts/" + id);
        var card = api(tenant, manager).get("/api/contacts/" + id).json();
        assertThat(card.get("displayName").asString()).isEqualTo("Kovalenko Olena Petrivna");
        assertThat(card.get("ownerId").asString()).as("the creator owns it").isEqualTo(manager.toString());
        assertThat(card.get("phone").asString()).as("the primary phone").isEqualTo("+380 44 123 4567");
        assertThat(card.get("email").asString()).isEqualTo("olena.kovalenko@example.com");
        assertThat(card.get("points").findValuesAsString("value")).containsExactly("+380 67 123 4567",
                "+380 44 123 4567", "olena.kovalenko@example.com", "@olena_k", "https://kovalenko.example.com",
                "Kyiv, Khreshchatyk 1");
        assertThat(card.get("points").get(0).get("primary").asBoolean()).isFalse();
        assertThat(card.get("points").get(2).get("primary").asBoolean()).as("the only e-mail").isTrue();
        assertThat(card.get("tags").toString()).isEqualTo("[\"wholesale\",\"kyiv\"]");
        assertThat(card.get("birthDate").asString()).isEqualTo("1990-04-12");
        assertThat(card.get("vip").asBoolean()).isTrue();
        assertThat(card.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(card.get("deliveryPreference").asString()).isEqualTo("Nova Poshta");
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
    void invalidContactIsRejectedWithEveryFieldNamedAndNothingIsStored() throws Exception {
        var response = api(tenant, manager).post("/api/contacts", Map.of("firstName", " ", "lastName", "Nobody-" + tenant,
                "birthDate", "2999-01-01", "points", List.of(point("EMAIL", "not-an-email"), point("PHONE", "call me"),
                        point("WEBSITE", "nowhere"))));
        var unknownField = api(tenant, manager).post("/api/contacts", Map.of("firstName", "Ivan", "lastName",
                "Nobody-" + tenant, "customFields", Map.of("shoeSize", 42)));
        var wrongType = api(tenant, manager).post("/api/contacts", Map.of("firstName", "Ivan", "status", "SLEEPING"));
        var twoPrimaryPhones = api(tenant, manager).post("/api/contacts", Map.of("firstName", "Ivan", "lastName",
                "Nobody-" + tenant, "points", List.of(Map.of("kind", "PHONE", "value", "0671234567", "primary", true),
                        Map.of("kind", "PHONE", "value", "0501234567", "primary", true))));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/validation");
        assertThat(response.json().get("errors").findValuesAsString("field")).containsExactly("birthDate", "firstName");
        var points = api(tenant, manager).post("/api/contacts", Map.of("firstName", "Ivan", "lastName", "Nobody-" + tenant,
                "points", List.of(point("EMAIL", "not-an-email"), point("PHONE", "call me"), point("WEBSITE", "nowhere"))));
        assertThat(points.status()).isEqualTo(400);
        assertThat(points.json().get("errors").findValuesAsString("field"))
                .containsExactly("points[0].value", "points[1].value", "points[2].value");
        assertThat(points.json().get("errors").findValuesAsString("message")).contains("is not a valid phone number");
        assertThat(unknownField.status()).isEqualTo(400);
        assertThat(unknownField.json().get("errors").findValuesAsString("field")).containsExactly("customFields.shoeSize");
        assertThat(wrongType.status()).isEqualTo(400);
        assertThat(twoPrimaryPhones.status()).isEqualTo(400);
        assertThat(twoPrimaryPhones.json().get("errors").findValuesAsString("field")).containsExactly("points[1].primary");
        try (var db = TestDatabase.get().connect();
                var statement = db.prepareStatement("select count(*) from contact where last_name = ?")) {
            statement.setString(1, "Nobody-" + tenant);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                assertThat(rows.getInt(1)).isZero();
            }
        }
    }

    @Test
    void aNewContactWithAKnownPhoneOrEmailIsAPossibleDuplicateUntilConfirmed() {
        var first = api(tenant, manager).post("/api/contacts", Map.of("firstName", "Petro", "lastName", "Bondar",
                "points", List.of(point("PHONE", "+380 93 765 43 21"), point("EMAIL", "petro@bondar.example"))));
        assertThat(first.status()).isEqualTo(201);

        var samePhone = api(tenant, manager).post("/api/contacts", Map.of("firstName", "P.", "lastName", "Bondar",
                "points", List.of(point("PHONE", "093-765-43-21"))));
        var sameEmail = api(tenant, manager).post("/api/contacts", Map.of("firstName", "Petro",
                "points", List.of(point("EMAIL", "PETRO@bondar.example"))));

        assertThat(samePhone.status()).isEqualTo(409);
        assertThat(samePhone.json().get("type").asString()).isEqualTo("/problems/possible-duplicate");
        assertThat(samePhone.json().at("/duplicates/0/id").asString()).isEqualTo(first.json().get("id").asString());
        assertThat(samePhone.json().at("/duplicates/0/displayName").asString()).isEqualTo("Bondar Petro");
        assertThat(samePhone.json().at("/duplicates/0/matchedOn").asString()).isEqualTo("phone");
        assertThat(sameEmail.status()).isEqualTo(409);
        var confirmed = api(tenant, manager).post("/api/contacts?confirmDuplicate=true", Map.of("firstName", "P.",
                "lastName", "Bondar", "points", List.of(point("PHONE", "093-765-43-21"))));
        assertThat(confirmed.status()).isEqualTo(201);
    }

    @Test
    void aMergePatchChangesOnlyTheGivenFieldsAndPublishesTheNewState() {
        String id = api(tenant, manager).post("/api/contacts", Map.of("firstName", "Mariia", "lastName", "Shevchuk",
                "tags", List.of("retail"), "notes", "old note", "points", List.of(point("EMAIL", "mariia@example.com"))))
                .json().get("id").asString();

        var patched = api(tenant, manager).patch("/api/contacts/" + id, Map.of("lastName", "Shevchuk-Melnyk",
                "tags", List.of("retail", "vip-candidate"), "status", "ACTIVE"));
        var cleared = api(tenant, manager).patch("/api/contacts/" + id, "{\"notes\": null}");

        assertThat(patched.status()).as(patched.body()).isEqualTo(200);
        assertThat(patched.json().get("lastName").asString()).isEqualTo("Shevchuk-Melnyk");
        assertThat(patched.json().get("firstName").asString()).isEqualTo("Mariia");
        assertThat(patched.json().get("email").asString()).as("untouched").isEqualTo("mariia@example.com");
        assertThat(patched.json().get("version").asLong()).isEqualTo(1);
        assertThat(cleared.json().get("notes").isNull()).isTrue();
        var event = contactEvents.awaitRecord(r -> id.equals(r.key())
                && ContactUpdated.TYPE.equals(TopicProbe.header(r, EventHeaders.TYPE))
                && JSON.readTree(r.value()).get("version").asLong() == 1);
        JsonNode data = JSON.readTree(event.value());
        assertThat(data.get("lastName").asString()).isEqualTo("Shevchuk-Melnyk");
        assertThat(data.get("status").asString()).isEqualTo("ACTIVE");
        var badPatch = api(tenant, manager).patch("/api/contacts/" + id, Map.of("vip", "very"));
        assertThat(badPatch.status()).isEqualTo(400);
        assertThat(badPatch.json().get("errors").findValuesAsString("field")).containsExactly("vip");
    }

    @Test
    void aStaleEditIsRefusedAndChangesNothing() {
        var created = api(tenant, manager).post("/api/contacts", Map.of("firstName", "Roman"));
        String id = created.json().get("id").asString();
        api(tenant, manager).put("/api/contacts/" + id, Map.of("firstName", "Roman", "lastName", "First", "version", 0));

        var stale = api(tenant, manager).put("/api/contacts/" + id, Map.of("firstName", "Roman", "lastName", "Second",
                "version", 0));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(api(tenant, manager).get("/api/contacts/" + id).json().get("lastName").asString()).isEqualTo("First");
    }

    @Test
    void aDeletedContactIsGoneForEveryoneAndAnnounced() {
        String id = api(tenant, manager).post("/api/contacts", Map.of("firstName", "Temporary")).json().get("id").asString();

        var deleted = api(tenant, manager).delete("/api/contacts/" + id);

        assertThat(deleted.status()).isEqualTo(204);
        assertThat(api(tenant, manager).get("/api/contacts/" + id).status()).isEqualTo(404);
        assertThat(api(tenant, manager).delete("/api/contacts/" + id).status()).isEqualTo(404);
        var event = contactEvents.awaitRecord(r -> id.equals(r.key())
                && ContactDeleted.TYPE.equals(TopicProbe.header(r, EventHeaders.TYPE)));
        assertThat(JSON.readTree(event.value()).get("deletedBy").asString()).isEqualTo(manager.toString());
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
