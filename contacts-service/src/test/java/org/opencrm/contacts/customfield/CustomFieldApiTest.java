package org.opencrm.contacts.customfield;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;

@CrmIntegrationTest
class CustomFieldApiTest {

    @LocalServerPort
    int port;

    private final UUID tenant = UUID.randomUUID();

    private ApiClient as(String role) {
        return ApiClient.onPort(port).withToken(TestTokens.accessToken(tenant, UUID.randomUUID(), role));
    }

    private void define(String key, String type, List<String> options) {
        var created = as("ADMIN").post("/api/contacts/custom-fields", Map.of("entity", "CONTACT", "key", key,
                "label", key, "type", type, "options", options));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
    }

    @Test
    void anAdminDefinesTypedFieldsWhoseValuesAreCheckedKeptAndFilteredOn() {
        define("loyaltyLevel", "SELECT", List.of("bronze", "silver", "gold"));
        define("channels", "MULTI_SELECT", List.of("sms", "viber", "email"));
        define("discount", "NUMBER", List.of());
        define("since", "DATE", List.of());
        define("wholesale", "BOOLEAN", List.of());

        var created = as("ADMIN").post("/api/contacts", Map.of("firstName", "Custom", "customFields", Map.of(
                "loyaltyLevel", "gold", "channels", List.of("viber", "sms"), "discount", "7.5", "since", "2024-02-29",
                "wholesale", true)));
        var invalid = as("ADMIN").post("/api/contacts", Map.of("firstName", "Wrong", "customFields", Map.of(
                "loyaltyLevel", "platinum", "discount", "a lot", "since", "yesterday", "wholesale", "maybe",
                "shoeSize", 42)));

        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(created.json().at("/customFields/discount").asString()).isEqualTo("7.5");
        assertThat(created.json().at("/customFields/channels").toString()).isEqualTo("[\"viber\",\"sms\"]");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").findValuesAsString("field")).containsExactly("customFields.discount",
                "customFields.loyaltyLevel", "customFields.shoeSize", "customFields.since", "customFields.wholesale");
        String id = created.json().get("id").asString();
        assertThat(as("ADMIN").get("/api/contacts?cf.loyaltyLevel=gold").json().get("items").findValuesAsString("id"))
                .containsExactly(id);
        assertThat(as("ADMIN").get("/api/contacts?cf.channels=viber").json().get("items").findValuesAsString("id"))
                .containsExactly(id);
        assertThat(as("ADMIN").get("/api/contacts?cf.loyaltyLevel=silver").json().get("items").size()).isZero();
        assertThat(as("ADMIN").get("/api/contacts?cf.shoeSize=42").status()).isEqualTo(400);
        assertThat(as("ADMIN").get("/api/contacts?cf.loyaltyLevel=platinum").status()).isEqualTo(400);
    }

    @Test
    void onlyAnAdminDefinesFieldsAndADefinitionMustMakeSense() {
        var byManager = as("MANAGER").post("/api/contacts/custom-fields", Map.of("entity", "CONTACT", "key", "x",
                "label", "X", "type", "TEXT"));
        var choiceWithoutOptions = as("ADMIN").post("/api/contacts/custom-fields", Map.of("entity", "CONTACT",
                "key", "size", "label", "Size", "type", "SELECT"));
        var badKey = as("ADMIN").post("/api/contacts/custom-fields", Map.of("entity", "CONTACT", "key", "Bad Key",
                "label", "X", "type", "TEXT"));

        assertThat(byManager.status()).isEqualTo(403);
        assertThat(choiceWithoutOptions.status()).isEqualTo(400);
        assertThat(badKey.status()).isEqualTo(400);
        assertThat(as("MANAGER").get("/api/contacts/custom-fields?entity=CONTACT").status()).isEqualTo(200);
    }

    @Test
    void aRemovedFieldTakesItsValuesWithItAndOtherCompaniesNeverSeeTheirFields() {
        define("segment", "TEXT", List.of());
        String id = as("ADMIN").post("/api/contacts", Map.of("firstName", "Segmented", "customFields",
                Map.of("segment", "B2B"))).json().get("id").asString();
        String fieldId = as("ADMIN").get("/api/contacts/custom-fields?entity=CONTACT").json().get(0).get("id").asString();
        var stranger = ApiClient.onPort(port).withToken(TestTokens.accessToken(UUID.randomUUID(), UUID.randomUUID(), "ADMIN"));

        assertThat(stranger.get("/api/contacts/custom-fields?entity=CONTACT").json().size()).isZero();
        assertThat(stranger.delete("/api/contacts/custom-fields/" + fieldId).status()).isEqualTo(404);
        assertThat(as("ADMIN").delete("/api/contacts/custom-fields/" + fieldId).status()).isEqualTo(204);
        assertThat(as("ADMIN").get("/api/contacts/" + id).json().get("customFields").size()).isZero();
        assertThat(as("ADMIN").patch("/api/contacts/" + id, Map.of("lastName", "Still editable")).status()).isEqualTo(200);
    }

    @Test
    void phonesAreReadInTheRegionTheCompanyChose() {
        var before = as("ADMIN").post("/api/contacts", Map.of("firstName", "Warsaw", "points",
                List.of(Map.of("kind", "PHONE", "value", "22 123 45 67"))));
        var chosen = as("ADMIN").put("/api/contacts/settings", Map.of("defaultRegion", "pl"));
        var after = as("ADMIN").post("/api/contacts", Map.of("firstName", "Warsaw", "points",
                List.of(Map.of("kind", "PHONE", "value", "22 123 45 67"))));

        assertThat(before.status()).as("not a Ukrainian number").isEqualTo(400);
        assertThat(chosen.json().get("defaultRegion").asString()).isEqualTo("PL");
        assertThat(after.status()).as(after.body()).isEqualTo(201);
        assertThat(after.json().get("phone").asString()).isEqualTo("+48 22 123 45 67");
        assertThat(as("MANAGER").put("/api/contacts/settings", Map.of("defaultRegion", "DE")).status()).isEqualTo(403);
        assertThat(as("ADMIN").put("/api/contacts/settings", Map.of("defaultRegion", "XX")).status()).isEqualTo(400);
    }

    @Test
    void companiesAreFilteredOnTheirOwnCustomFieldsInTheListAndTheExport() {
        var field = as("ADMIN").post("/api/contacts/custom-fields", Map.of("entity", "COMPANY", "key", "tier",
                "label", "Tier", "type", "SELECT", "options", List.of("key account", "regular")));
        assertThat(field.status()).as(field.body()).isEqualTo(201);
        String key = as("ADMIN").post("/api/companies", Map.of("name", "Key Account LLC",
                "customFields", Map.of("tier", "key account"))).json().get("id").asString();
        as("ADMIN").post("/api/companies", Map.of("name", "Regular LLC", "customFields", Map.of("tier", "regular")));

        var filtered = as("ADMIN").get("/api/companies?cf.tier=key%20account");
        var exported = as("ADMIN").getBytes("/api/companies/export?format=csv&cf.tier=key%20account");

        assertThat(filtered.status()).as(filtered.body()).isEqualTo(200);
        assertThat(filtered.json().get("items").findValuesAsString("id")).containsExactly(key);
        assertThat(new String(exported.body(), StandardCharsets.UTF_8)).contains("Key Account LLC")
                .doesNotContain("Regular LLC");
        assertThat(as("ADMIN").get("/api/companies?cf.tier=platinum").status()).isEqualTo(400);
        assertThat(as("ADMIN").get("/api/companies?cf.shoeSize=42").status()).as("a contact's field is not a company's")
                .isEqualTo(400);
    }
}
