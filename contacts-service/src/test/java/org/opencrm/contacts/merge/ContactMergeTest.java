package org.opencrm.contacts.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.events.EventHeaders;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.contacts.ContactMerged;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TestTokens;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

@CrmIntegrationTest
class ContactMergeTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final UUID tenant = UUID.randomUUID();
    private final UUID manager = UUID.randomUUID();

    private ApiClient api() {
        return ApiClient.onPort(port).withToken(TestTokens.accessToken(tenant, manager, "MANAGER"));
    }

    private String create(String path, Map<String, Object> body) {
        var created = api().post(path, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void mergingKeepsEveryPointRelationCommentAndHistoryEntryOfBothAndAnnouncesIt() {
        String survivor = create("/api/contacts", Map.of("firstName", "Olena", "lastName", "Kovalenko",
                "tags", List.of("retail"), "points", List.of(Map.of("kind", "PHONE", "value", "067 123 45 67"))));
        String duplicate = create("/api/contacts?confirmDuplicate=true", Map.of("firstName", "Olena", "middleName", "Petrivna",
                "tags", List.of("wholesale"), "notes", "Met at the fair", "points", List.of(
                        Map.of("kind", "PHONE", "value", "+380671234567"), Map.of("kind", "EMAIL", "value", "olena@example.com"))));
        String company = create("/api/companies", Map.of("name", "Merge Partners"));
        api().post("/api/companies/" + company + "/members", Map.of("contactId", duplicate, "position", "Buyer"));
        create("/api/contacts/" + duplicate + "/comments", Map.of("body", "Prefers e-mail"));
        create("/api/contacts/" + duplicate + "/timeline", Map.of("channel", "CALL", "summary", "First call"));
        api().patch("/api/contacts/" + duplicate, Map.of("position", "Owner"));

        try (var events = TopicProbe.on(Topics.CONTACTS_CONTACT)) {
            var merged = api().post("/api/contacts/merge", Map.of("survivorId", survivor, "mergedId", duplicate));

            assertThat(merged.status()).as(merged.body()).isEqualTo(200);
            var card = merged.json();
            assertThat(card.get("lastName").asString()).isEqualTo("Kovalenko");
            assertThat(card.get("middleName").asString()).as("taken from the other card").isEqualTo("Petrivna");
            assertThat(card.get("position").asString()).isEqualTo("Owner");
            assertThat(card.get("notes").asString()).isEqualTo("Met at the fair");
            assertThat(card.get("tags").toString()).isEqualTo("[\"retail\",\"wholesale\"]");
            assertThat(card.get("points").findValuesAsString("value")).as("the same phone only once")
                    .containsExactly("+380 67 123 4567", "olena@example.com");
            var event = events.awaitRecord(r -> duplicate.equals(r.key())
                    && ContactMerged.TYPE.equals(TopicProbe.header(r, EventHeaders.TYPE)));
            assertThat(JSON.readTree(event.value()).get("survivorId").asString()).isEqualTo(survivor);
        }
        assertThat(api().get("/api/contacts/" + duplicate).status()).isEqualTo(404);
        assertThat(api().get("/api/contacts/" + survivor + "/companies").json().findValuesAsString("name"))
                .containsExactly("Merge Partners");
        assertThat(api().get("/api/contacts/" + survivor + "/comments").json().get("items").findValuesAsString("body"))
                .containsExactly("Prefers e-mail");
        assertThat(api().get("/api/contacts/" + survivor + "/timeline").json().get("items").findValuesAsString("summary"))
                .containsExactly("First call");
        var history = api().get("/api/contacts/" + survivor + "/history").json();
        assertThat(history.findValuesAsString("recordId")).contains(survivor, duplicate);
        assertThat(history.findValuesAsString("action")).containsExactly("UPDATED", "UPDATED", "CREATED", "CREATED");
        assertThat(api().get("/api/contacts?q=" + "olena@example.com").json().get("items").findValuesAsString("id"))
                .containsExactly(survivor);
    }

    @Test
    void aContactCannotBeMergedWithItselfOrWithOneTheUserDoesNotSee() {
        String mine = create("/api/contacts", Map.of("firstName", "Mine"));
        var stranger = ApiClient.onPort(port).withToken(TestTokens.accessToken(UUID.randomUUID(), UUID.randomUUID(), "ADMIN"));
        String theirs = stranger.post("/api/contacts", Map.of("firstName", "Theirs")).json().get("id").asString();

        assertThat(api().post("/api/contacts/merge", Map.of("survivorId", mine, "mergedId", mine)).status()).isEqualTo(400);
        assertThat(api().post("/api/contacts/merge", Map.of("survivorId", mine, "mergedId", theirs)).status()).isEqualTo(404);
        assertThat(api().post("/api/contacts/merge", Map.of("survivorId", mine)).status()).isEqualTo(400);
        assertThat(stranger.get("/api/contacts/" + theirs).status()).as("nothing changed").isEqualTo(200);
    }
}
