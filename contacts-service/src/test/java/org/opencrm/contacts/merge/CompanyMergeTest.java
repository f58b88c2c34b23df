package org.opencrm.contacts.merge;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.events.EventHeaders;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.contacts.CompanyMerged;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TestTokens;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

@CrmIntegrationTest
class CompanyMergeTest {

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
    void mergingKeepsEveryContactPersonPointCommentTimelineEntryAndHistoryOfBothAndAnnouncesIt() {
        String survivor = create("/api/companies", Map.of("name", "Kovalenko Trading", "tags", List.of("partner"),
                "points", List.of(Map.of("kind", "PHONE", "value", "044 123 45 67"))));
        String duplicate = create("/api/companies", Map.of("name", "Kovalenko Trading LLC", "taxId", "14360570",
                "industry", "Wholesale", "tags", List.of("wholesale"), "points", List.of(
                        Map.of("kind", "PHONE", "value", "+380441234567"), Map.of("kind", "EMAIL", "value", "office@kt.example"))));
        String olena = create("/api/contacts", Map.of("firstName", "Olena"));
        String taras = create("/api/contacts", Map.of("firstName", "Taras"));
        api().post("/api/companies/" + survivor + "/members", Map.of("contactId", olena));
        api().post("/api/companies/" + duplicate + "/members", Map.of("contactId", olena, "position", "Buyer"));
        api().post("/api/companies/" + duplicate + "/members", Map.of("contactId", taras, "position", "Director"));
        create("/api/companies/" + duplicate + "/comments", Map.of("body", "Pays on time"));
        create("/api/companies/" + duplicate + "/timeline", Map.of("channel", "MEETING", "summary", "Signed the contract"));

        try (var events = TopicProbe.on(Topics.CONTACTS_COMPANY)) {
            var merged = api().post("/api/companies/merge", Map.of("survivorId", survivor, "mergedId", duplicate));

            assertThat(merged.status()).as(merged.body()).isEqualTo(200);
            var card = merged.json();
            assertThat(card.get("name").asString()).isEqualTo("Kovalenko Trading");
            assertThat(card.get("taxId").asString()).as("taken over from the merged card").isEqualTo("14360570");
            assertThat(card.get("industry").asString()).isEqualTo("Wholesale");
            assertThat(card.get("tags").toString()).isEqualTo("[\"partner\",\"wholesale\"]");
            assertThat(card.get("points").findValuesAsString("value")).as("the same phone only once")
                    .containsExactly("+380 44 123 4567", "office@kt.example");
            var event = events.awaitRecord(r -> duplicate.equals(r.key())
                    && CompanyMerged.TYPE.equals(TopicProbe.header(r, EventHeaders.TYPE)));
            assertThat(JSON.readTree(event.value()).get("survivorId").asString()).isEqualTo(survivor);
        }
        assertThat(api().get("/api/companies/" + duplicate).status()).isEqualTo(404);
        var members = api().get("/api/companies/" + survivor + "/members").json();
        assertThat(members.findValuesAsString("contactId")).containsExactlyInAnyOrder(olena, taras);
        assertThat(members.findValuesAsString("position")).as("the position the survivor lacked")
                .containsExactlyInAnyOrder("Buyer", "Director");
        assertThat(api().get("/api/companies/" + survivor + "/comments").json().get("items").findValuesAsString("body"))
                .containsExactly("Pays on time");
        assertThat(api().get("/api/companies/" + survivor + "/timeline").json().get("items").findValuesAsString("summary"))
                .containsExactly("Signed the contract");
        var history = api().get("/api/companies/" + survivor + "/history").json();
        assertThat(history.findValuesAsString("recordId")).contains(survivor, duplicate);
        assertThat(api().get("/api/companies?q=14360570").json().get("items").findValuesAsString("id"))
                .containsExactly(survivor);
    }

    @Test
    void aCompanyCannotBeMergedWithItselfOrWithOneTheUserDoesNotSeeAndAMarketerMergesNothing() {
        String mine = create("/api/companies", Map.of("name", "Mine"));
        String other = create("/api/companies", Map.of("name", "Mine too"));
        var stranger = ApiClient.onPort(port).withToken(TestTokens.accessToken(UUID.randomUUID(), UUID.randomUUID(), "ADMIN"));
        String theirs = stranger.post("/api/companies", Map.of("name", "Theirs")).json().get("id").asString();
        var marketer = ApiClient.onPort(port).withToken(TestTokens.accessToken(tenant, UUID.randomUUID(), "MARKETER"));

        assertThat(api().post("/api/companies/merge", Map.of("survivorId", mine, "mergedId", mine)).status()).isEqualTo(400);
        assertThat(api().post("/api/companies/merge", Map.of("survivorId", mine, "mergedId", theirs)).status()).isEqualTo(404);
        assertThat(api().post("/api/companies/merge", Map.of("survivorId", mine)).status()).isEqualTo(400);
        assertThat(marketer.post("/api/companies/merge", Map.of("survivorId", mine, "mergedId", other)).status())
                .isEqualTo(403);
        assertThat(stranger.get("/api/companies/" + theirs).status()).as("nothing changed").isEqualTo(200);
        assertThat(api().get("/api/companies/" + other).status()).as("nothing changed").isEqualTo(200);
    }

    @Test
    void theNewCompanyAndBulkEndpointsRefuseRequestsWithoutAValidToken() {
        var anonymous = ApiClient.onPort(port);
        var expired = ApiClient.onPort(port).withToken(TestTokens.expiredAccessToken(tenant, manager, "MANAGER"));
        Map<String, Object> merge = Map.of("survivorId", UUID.randomUUID(), "mergedId", UUID.randomUUID());

        assertThat(anonymous.post("/api/companies/merge", merge).status()).isEqualTo(401);
        assertThat(expired.post("/api/companies/merge", merge).status()).isEqualTo(401);
        assertThat(anonymous.get("/api/companies/export").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/companies/imports/" + UUID.randomUUID()).status()).isEqualTo(401);
        assertThat(anonymous.post("/api/contacts/tag", Map.of("ids", List.of(UUID.randomUUID()), "add", List.of("x")))
                .status()).isEqualTo(401);
        assertThat(anonymous.post("/api/contacts/delete", Map.of("ids", List.of(UUID.randomUUID()))).status())
                .isEqualTo(401);
    }
}
