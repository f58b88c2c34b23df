package org.opencrm.contacts.comment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.events.EventHeaders;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.contacts.CommentAdded;
import org.opencrm.platform.events.identity.UserActivated;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TestDatabase;
import org.opencrm.platform.test.TestTokens;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.json.JsonMapper;

@CrmIntegrationTest
class CommentApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final UUID tenant = UUID.randomUUID();
    private final UUID author = UUID.randomUUID();

    private ApiClient as(UUID user, String role) {
        return ApiClient.onPort(port).withToken(TestTokens.accessToken(tenant, user, role));
    }

    private UUID colleague() throws Exception {
        UUID user = UUID.randomUUID();
        TopicProbe.publish(new UserActivated(user, user + "@example.com", "Taras", "Melnyk", "MANAGER", null,
                Instant.now()), tenant, null);
        await().until(() -> {
            try (var db = TestDatabase.get().connect();
                    var statement = db.prepareStatement("select count(*) from directory_user where id = ?")) {
                statement.setObject(1, user);
                try (var rows = statement.executeQuery()) {
                    rows.next();
                    return rows.getInt(1) == 1;
                }
            }
        });
        return user;
    }

    @Test
    void aCommentMentioningAColleagueIsKeptAndAnnouncedForTheirNotification() throws Exception {
        UUID taras = colleague();
        String contact = as(author, "ADMIN").post("/api/contacts", Map.of("firstName", "Commented")).json().get("id").asString();

        try (var events = TopicProbe.on(Topics.CONTACTS_CONTACT)) {
            var added = as(author, "ADMIN").post("/api/contacts/" + contact + "/comments",
                    Map.of("body", "@Taras please call her back about the wholesale prices", "mentions", List.of(taras)));

            assertThat(added.status()).as(added.body()).isEqualTo(201);
            var event = events.awaitRecord(r -> contact.equals(r.key())
                    && CommentAdded.TYPE.equals(TopicProbe.header(r, EventHeaders.TYPE)));
            var data = JSON.readTree(event.value());
            assertThat(data.get("mentions").toString()).isEqualTo("[\"" + taras + "\"]");
            assertThat(data.get("cardType").asString()).isEqualTo("CONTACT");
            assertThat(data.get("excerpt").asString()).startsWith("@Taras please call");
        }
        var comments = as(author, "ADMIN").get("/api/contacts/" + contact + "/comments").json().get("items");
        assertThat(comments.findValuesAsString("body")).containsExactly("@Taras please call her back about the wholesale prices");
    }

    @Test
    void onlyTheAuthorEditsAndOnlyTheAuthorOrAnAdminRemoves() {
        UUID other = UUID.randomUUID();
        String contact = as(author, "ADMIN").post("/api/contacts", Map.of("firstName", "Discussed")).json().get("id").asString();
        String comment = as(author, "ADMIN").post("/api/contacts/" + contact + "/comments", Map.of("body", "First thought"))
                .json().get("id").asString();

        var editedByOther = as(other, "ADMIN").put("/api/contacts/" + contact + "/comments/" + comment, Map.of("body", "Not mine"));
        var edited = as(author, "ADMIN").put("/api/contacts/" + contact + "/comments/" + comment, Map.of("body", "Second thought"));
        var unknownMention = as(author, "ADMIN").post("/api/contacts/" + contact + "/comments",
                Map.of("body", "Hi", "mentions", List.of(UUID.randomUUID())));
        var empty = as(author, "ADMIN").post("/api/contacts/" + contact + "/comments", Map.of("body", ""));
        var stranger = ApiClient.onPort(port).withToken(TestTokens.accessToken(UUID.randomUUID(), author, "ADMIN"))
                .get("/api/contacts/" + contact + "/comments");

        assertThat(editedByOther.status()).isEqualTo(403);
        assertThat(edited.json().get("body").asString()).isEqualTo("Second thought");
        assertThat(edited.json().get("editedAt").isNull()).isFalse();
        assertThat(unknownMention.status()).isEqualTo(400);
        assertThat(unknownMention.json().get("errors").findValuesAsString("field")).containsExactly("mentions[0]");
        assertThat(empty.status()).isEqualTo(400);
        assertThat(stranger.status()).isEqualTo(404);
        assertThat(as(other, "ADMIN").delete("/api/contacts/" + contact + "/comments/" + comment).status()).isEqualTo(204);
        assertThat(as(author, "ADMIN").get("/api/contacts/" + contact + "/comments").json().get("items").size()).isZero();
    }

    @Test
    void companiesHaveTheirOwnComments() {
        String company = as(author, "ADMIN").post("/api/companies", Map.of("name", "Commented Ltd")).json().get("id").asString();

        var added = as(author, "ADMIN").post("/api/companies/" + company + "/comments", Map.of("body", "Big account"));

        assertThat(added.status()).isEqualTo(201);
        assertThat(as(author, "ADMIN").get("/api/companies/" + company + "/comments").json().get("items")
                .findValuesAsString("body")).containsExactly("Big account");
    }
}
