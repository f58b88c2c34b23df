package org.opencrm.contacts.contact;

import static org.assertj.core.api.Assertions.assertThat;
import static org.opencrm.contacts.contact.ContactApiTest.point;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The card's change history (`002_*` 2.1.13): who changed which field, from what to what. */
@CrmIntegrationTest
class ContactHistoryTest {

    @LocalServerPort
    int port;

    private final UUID tenant = UUID.randomUUID();
    private final UUID creator = UUID.randomUUID();
    private final UUID editor = UUID.randomUUID();

    private ApiClient as(UUID user) {
        return ApiClient.onPort(port).withToken(TestTokens.accessToken(tenant, user, "ADMIN"));
    }

    @Test
    void everyChangeIsKeptWithWhoMadeItAndEachFieldBeforeAndAfter() {
        String id = as(creator).post("/api/contacts", Map.of("firstName", "Oksana", "lastName", "Lysenko",
                "points", List.of(point("PHONE", "067 111 22 33")))).json().get("id").asString();
        as(editor).patch("/api/contacts/" + id, Map.of("lastName", "Lysenko-Moroz", "vip", true));
        as(editor).patch("/api/contacts/" + id, Map.of("points", List.of(point("PHONE", "067 111 22 33"),
                point("EMAIL", "oksana@example.com"))));

        var history = as(creator).get("/api/contacts/" + id + "/history");

        assertThat(history.status()).as(history.body()).isEqualTo(200);
        JsonNode entries = history.json();
        assertThat(entries.findValuesAsString("action")).containsExactly("UPDATED", "UPDATED", "CREATED");
        JsonNode rename = entries.get(1);
        assertThat(rename.get("actorId").asString()).isEqualTo(editor.toString());
        assertThat(rename.get("fields").findValuesAsString("field")).containsExactly("lastName", "vip");
        assertThat(rename.at("/fields/0/from").asString()).isEqualTo("Lysenko");
        assertThat(rename.at("/fields/0/to").asString()).isEqualTo("Lysenko-Moroz");
        assertThat(entries.get(0).get("fields").findValuesAsString("field")).containsExactly("points");
        assertThat(entries.get(0).at("/fields/0/to").toString()).contains("EMAIL: oksana@example.com");
        assertThat(entries.get(2).get("actorId").asString()).isEqualTo(creator.toString());
        assertThat(entries.get(2).get("fields").findValuesAsString("field")).contains("firstName", "lastName", "points");
    }

    @Test
    void theHistoryOfAContactOfAnotherCompanyOrUserIsNotFound() {
        String id = as(creator).post("/api/contacts", Map.of("firstName", "Private")).json().get("id").asString();

        var stranger = ApiClient.onPort(port).withToken(TestTokens.accessToken(UUID.randomUUID(), creator, "ADMIN"))
                .get("/api/contacts/" + id + "/history");

        assertThat(stranger.status()).isEqualTo(404);
    }
}
