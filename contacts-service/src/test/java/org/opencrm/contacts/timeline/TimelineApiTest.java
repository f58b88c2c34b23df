package org.opencrm.contacts.timeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.starter.web.NewestFirst;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TestTokens;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The communication history of a client (`001_*` 3.2). */
@CrmIntegrationTest
class TimelineApiTest {

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
    void interactionsAddedByHandComeBackNewestFirstInPages() {
        String contact = create("/api/contacts", Map.of("firstName", "Timeline"));
        create("/api/contacts/" + contact + "/timeline", Map.of("occurredAt", "2026-11-20T10:00:00Z", "channel", "CALL",
                "direction", "IN", "summary", "Asked about wholesale prices"));
        create("/api/contacts/" + contact + "/timeline", Map.of("occurredAt", "2026-11-21T09:30:00Z", "channel", "EMAIL",
                "direction", "OUT", "summary", "Sent the price list", "link", Map.of("type", "DEAL", "id", "D-1024")));
        create("/api/contacts/" + contact + "/timeline", Map.of("occurredAt", "2026-11-22T15:00:00Z", "channel", "MEETING",
                "summary", "Signed the contract"));

        List<String> summaries = new ArrayList<>();
        String cursor = null;
        do {
            var page = api().get("/api/contacts/" + contact + "/timeline?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            summaries.addAll(page.json().get("items").findValuesAsString("summary"));
            cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asString();
        } while (cursor != null);

        assertThat(summaries).containsExactly("Signed the contract", "Sent the price list", "Asked about wholesale prices");
        var first = api().get("/api/contacts/" + contact + "/timeline").json().get("items");
        assertThat(first.get(1).at("/link/type").asString()).isEqualTo("DEAL");
        assertThat(first.get(1).get("authorId").asString()).isEqualTo(manager.toString());
        assertThat(first.get(1).get("source").asString()).isEqualTo("manual");
    }

    @Test
    void aCompanysTimelineGathersItsContactPersonsInteractions() {
        String company = create("/api/companies", Map.of("name", "Timeline Corp"));
        String person = create("/api/contacts", Map.of("firstName", "Employee"));
        api().post("/api/companies/" + company + "/members", Map.of("contactId", person, "position", "Buyer"));
        create("/api/companies/" + company + "/timeline", Map.of("channel", "MEETING", "summary", "Visited the office"));
        create("/api/contacts/" + person + "/timeline", Map.of("channel", "CALL", "direction", "OUT", "summary", "Called the buyer"));

        var timeline = api().get("/api/companies/" + company + "/timeline").json().get("items");

        assertThat(timeline.findValuesAsString("summary")).containsExactlyInAnyOrder("Visited the office", "Called the buyer");
        assertThat(api().get("/api/contacts/" + person + "/timeline").json().get("items").findValuesAsString("summary"))
                .containsExactly("Called the buyer");
    }

    @Test
    void badEntriesAndStrangersAreRefused() {
        String contact = create("/api/contacts", Map.of("firstName", "Guarded"));
        var stranger = ApiClient.onPort(port).withToken(TestTokens.accessToken(UUID.randomUUID(), UUID.randomUUID(), "ADMIN"));
        var marketer = ApiClient.onPort(port).withToken(TestTokens.accessToken(tenant, UUID.randomUUID(), "MARKETER"));

        var noSummary = api().post("/api/contacts/" + contact + "/timeline", Map.of("channel", "CALL", "summary", " "));
        var badChannel = api().post("/api/contacts/" + contact + "/timeline", Map.of("channel", "PIGEON", "summary", "x"));
        var badLink = api().post("/api/contacts/" + contact + "/timeline", Map.of("channel", "CALL", "summary", "x",
                "link", Map.of("type", "INVOICE", "id", "1")));

        assertThat(noSummary.status()).isEqualTo(400);
        assertThat(noSummary.json().get("errors").findValuesAsString("field")).containsExactly("summary");
        assertThat(badChannel.status()).isEqualTo(400);
        assertThat(badLink.status()).isEqualTo(400);
        assertThat(badLink.json().get("errors").findValuesAsString("field")).containsExactly("link.type");
        assertThat(stranger.get("/api/contacts/" + contact + "/timeline").status()).isEqualTo(404);
        assertThat(stranger.post("/api/contacts/" + contact + "/timeline", Map.of("channel", "CALL", "summary", "x"))
                .status()).isEqualTo(404);
        assertThat(marketer.get("/api/contacts/" + contact + "/timeline").status()).isEqualTo(200);
        assertThat(marketer.post("/api/contacts/" + contact + "/timeline", Map.of("channel", "CALL", "summary", "x"))
                .status()).isEqualTo(403);
        String entry = create("/api/contacts/" + contact + "/timeline", Map.of("channel", "NOTE", "summary", "Mine"));
        var someoneElse = ApiClient.onPort(port).withToken(TestTokens.accessToken(tenant, UUID.randomUUID(), "MANAGER"));
        assertThat(someoneElse.delete("/api/contacts/" + contact + "/timeline/" + entry).status())
                .as("another manager does not even see the card").isEqualTo(404);
        assertThat(api().delete("/api/contacts/" + contact + "/timeline/" + entry).status()).isEqualTo(204);
    }
}
