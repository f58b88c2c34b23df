package org.opencrm.deals.comment;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.deals.Company;
import org.opencrm.platform.events.EventHeaders;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.contacts.CommentAdded;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

/** Comments on leads and deals, with @mentions announced as comment.added on the card's topic. */
@CrmIntegrationTest
class CommentApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Test
    void aCommentOnADealMentioningAColleagueIsKeptAndAnnouncedOnTheDealsTopic() {
        Company company = new Company(port);
        UUID taras = company.hire("MANAGER", null);
        String deal = company.admin().post("/api/deals/deals", Map.of("title", "Commented")).json().get("id").asString();

        try (var events = TopicProbe.on(Topics.DEALS_DEAL)) {
            var added = company.admin().post("/api/deals/deals/" + deal + "/comments",
                    Map.of("body", "@Taras the client wants it by Friday", "mentions", List.of(taras)));

            assertThat(added.status()).as(added.body()).isEqualTo(201);
            var event = events.awaitRecord(r -> deal.equals(r.key())
                    && CommentAdded.TYPE.equals(TopicProbe.header(r, EventHeaders.TYPE)));
            var data = JSON.readTree(event.value());
            assertThat(data.get("cardType").asString()).isEqualTo("DEAL");
            assertThat(data.get("mentions").toString()).isEqualTo("[\"" + taras + "\"]");
        }
        assertThat(company.admin().get("/api/deals/deals/" + deal + "/comments").json().get("items")
                .findValuesAsString("body")).containsExactly("@Taras the client wants it by Friday");
    }

    @Test
    void onlyTheAuthorEditsAndOnlyTheAuthorOrAnAdminRemovesAndMentionsAreColleagues() {
        Company company = new Company(port);
        UUID author = UUID.randomUUID();
        var asAuthor = company.as(author, "MANAGER");
        String lead = asAuthor.post("/api/deals/leads", Map.of("contactName", "Discussed")).json().get("id").asString();
        String comment = asAuthor.post("/api/deals/leads/" + lead + "/comments", Map.of("body", "First thought"))
                .json().get("id").asString();

        var byMarketer = company.as(UUID.randomUUID(), "MARKETER").post("/api/deals/leads/" + lead + "/comments",
                Map.of("body", "A marketer may comment"));
        var editedByOther = company.admin().put("/api/deals/leads/" + lead + "/comments/" + comment,
                Map.of("body", "Not mine"));
        var edited = asAuthor.put("/api/deals/leads/" + lead + "/comments/" + comment, Map.of("body", "Second thought"));
        var unknownMention = asAuthor.post("/api/deals/leads/" + lead + "/comments",
                Map.of("body", "Hi", "mentions", List.of(UUID.randomUUID())));
        var empty = asAuthor.post("/api/deals/leads/" + lead + "/comments", Map.of("body", " "));

        assertThat(byMarketer.status()).isEqualTo(201);
        assertThat(editedByOther.status()).isEqualTo(403);
        assertThat(edited.json().get("body").asString()).isEqualTo("Second thought");
        assertThat(edited.json().get("editedAt").isNull()).isFalse();
        assertThat(unknownMention.status()).isEqualTo(400);
        assertThat(unknownMention.json().get("errors").findValuesAsString("field")).containsExactly("mentions[0]");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(company.admin().delete("/api/deals/leads/" + lead + "/comments/" + comment).status()).isEqualTo(204);
        assertThat(asAuthor.get("/api/deals/leads/" + lead + "/comments").json().get("items").findValuesAsString("body"))
                .containsExactly("A marketer may comment");
    }
}
