package org.opencrm.notifications.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.opencrm.notifications.Company;
import org.opencrm.notifications.Golden;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.contacts.CommentAdded;
import org.opencrm.platform.events.contacts.ContactCreated;
import org.opencrm.platform.events.contacts.ContactUpdated;
import org.opencrm.platform.events.contacts.ImportFinished;
import org.opencrm.platform.events.deals.DealCreated;
import org.opencrm.platform.events.deals.DealUpdated;
import org.opencrm.platform.events.deals.LeadCreated;
import org.opencrm.platform.events.deals.ReturnRequested;
import org.opencrm.platform.events.deals.StageRef;
import org.opencrm.platform.events.notifications.NotificationCreated;
import org.opencrm.platform.events.telephony.CallMissed;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TestTokens;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** The bell: notifications made from other services' events, listed, counted and marked read by their user only. */
@CrmIntegrationTest
class NotificationApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private static List<JsonNode> items(ApiClient api, String query) {
        var response = api.get("/api/notifications" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return StreamSupport.stream(response.json().get("items").spliterator(), false).toList();
    }

    private static CommentAdded comment(UUID author, UUID card, String text, UUID... mentions) {
        return new CommentAdded(UUID.randomUUID(), "CONTACT", card, author, List.of(mentions), text, Instant.now());
    }

    @Test
    void aMentionBecomesOneNotificationOfTheMentionedUserAndIsPublished() {
        Company company = new Company(port, jdbc);
        UUID olena = company.hire("Olena", "Kovalenko", "olena@kovalenko.example", "MANAGER");
        UUID taras = company.hire("Taras", "Shevchuk", "taras@kovalenko.example", "MANAGER");
        UUID card = UUID.randomUUID();
        try (var topic = TopicProbe.on(Topics.NOTIFICATIONS_NOTIFICATION)) {
            UUID eventId = UUID.randomUUID();
            var mention = comment(olena, card, "@Taras please call her back about the wholesale prices", taras, olena);
            TopicProbe.publish(mention, company.tenant, olena, eventId);
            TopicProbe.publish(mention, company.tenant, olena, eventId); // delivered twice

            var record = topic.awaitRecord(Golden.of(NotificationCreated.TYPE, "userId", taras.toString()));
            JsonNode created = Golden.matches(record, NotificationCreated.TYPE);
            assertThat(created.get("kind").asString()).isEqualTo("mention");
            assertThat(created.get("title").asString()).isEqualTo("Olena Kovalenko mentioned you");
            assertThat(created.get("sourceEventId").asString()).isEqualTo(eventId.toString());

            var api = company.as(taras, "MANAGER");
            List<JsonNode> mine = await().until(() -> items(api, ""), found -> !found.isEmpty());
            assertThat(mine).hasSize(1);
            JsonNode notification = mine.getFirst();
            assertThat(notification.get("id").asString()).isEqualTo(created.get("notificationId").asString());
            assertThat(notification.get("body").asString()).isEqualTo(mention.excerpt());
            assertThat(notification.get("cardType").asString()).isEqualTo("CONTACT");
            assertThat(notification.get("cardId").asString()).isEqualTo(card.toString());
            assertThat(notification.get("readAt").isNull()).isTrue();
            assertThat(notification.propertyNames()).containsExactlyInAnyOrder("id", "kind", "title", "body",
                    "cardType", "cardId", "createdAt", "readAt");
            // the author mentioned herself too: nobody is told of what they did themselves
            assertThat(items(company.as(olena, "MANAGER"), "")).isEmpty();
            await().during(java.time.Duration.ofSeconds(1)).until(() -> topic.records(
                    Golden.of(NotificationCreated.TYPE, "sourceEventId", eventId.toString())).size() == 1);
        }
    }

    @Test
    void aUserIsNotToldOfTheirOwnAction() {
        Company company = new Company(port, jdbc);
        UUID taras = company.hire("Taras", "Shevchuk", "taras2@kovalenko.example", "MANAGER");
        // the deal is created by Taras for himself: no news; then an admin gives him a lead: news
        company.publish(deal(UUID.randomUUID(), 7, taras, 0), taras);
        company.publish(lead(taras), company.admin);

        var api = company.as(taras, "MANAGER");
        List<JsonNode> mine = await().until(() -> items(api, ""), found -> !found.isEmpty());
        await().during(java.time.Duration.ofMillis(800)).until(() -> items(api, "").size() == 1);
        assertThat(mine.getFirst().get("kind").asString()).isEqualTo("assignment");
        assertThat(mine.getFirst().get("title").asString()).isEqualTo("Lead #12 is assigned to you");
        assertThat(mine.getFirst().get("body").asString()).isEqualTo("Антонов Артем");
    }

    @Test
    void assignmentsMovesImportsReturnsAndMissedCallsReachTheirUser() {
        Company company = new Company(port, jdbc);
        UUID olena = company.hire("Olena", "Kovalenko", "olena3@kovalenko.example", "MANAGER");
        UUID taras = company.hire("Taras", "Shevchuk", "taras3@kovalenko.example", "MANAGER");
        UUID deal = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        company.publish(deal(deal, 41, olena, 0), olena);
        // the admin moves the deal from Olena to Taras; an older version arriving late changes nothing
        company.publish(dealUpdated(deal, 41, taras, 2), company.admin);
        company.publish(dealUpdated(deal, 41, olena, 1), company.admin);
        company.publish(new ContactCreated(contact, "Iryna", null, null, null, olena, Instant.now(), null, "PERSON",
                "ACTIVE", false, List.of(), List.of(), List.of(), 0), olena);
        company.publish(new ContactUpdated(contact, "PERSON", "Iryna", null, "Bondar", null, null, List.of(),
                List.of(), taras, "ACTIVE", false, List.of(), Instant.now(), 1, null), company.admin);
        company.publish(new ImportFinished(UUID.randomUUID(), "CONTACT", "clients.csv", olena, "COMPLETED", 10, 2, 1,
                0, Instant.now()), olena);
        var tarasApi = company.as(taras, "MANAGER");
        // returns travel on another topic than deals: sent once the deal's new responsible is known
        await().until(() -> items(tarasApi, "").stream().anyMatch(n -> n.get("kind").asString().equals("deal-moved")));
        UUID returnId = UUID.randomUUID();
        company.publish(new ReturnRequested(returnId, deal, "A-100", "R-7", contact, "Broken on arrival", null,
                List.of(), "REQUESTED", null, Instant.now()), null);
        UUID call = UUID.randomUUID();
        company.publish(new CallMissed(call, "INBOUND", "+380671234567", "+380441234567", "101", olena, null,
                List.of(), null, Instant.now().minusSeconds(20), Instant.now(), 20), null);

        List<JsonNode> his = await().until(() -> items(tarasApi, ""), found -> found.size() >= 3);
        assertThat(his).extracting(n -> n.get("title").asString()).containsExactlyInAnyOrder(
                "Deal #41 was moved to you", "Iryna Bondar is now your client", "A return was requested for deal #41");
        assertThat(his).filteredOn(n -> n.get("kind").asString().equals("return-requested")).singleElement()
                .satisfies(n -> {
                    assertThat(n.get("cardType").asString()).isEqualTo("RETURN");
                    assertThat(n.get("cardId").asString()).isEqualTo(returnId.toString());
                    assertThat(n.get("body").asString()).isEqualTo("Broken on arrival");
                });

        var olenaApi = company.as(olena, "MANAGER");
        List<JsonNode> hers = await().until(() -> items(olenaApi, ""), found -> found.size() >= 2);
        assertThat(hers).extracting(n -> n.get("kind").asString()).containsExactlyInAnyOrder("import-finished",
                "call");
        assertThat(hers).extracting(n -> n.get("title").asString()).contains("The import of clients.csv finished",
                "Missed call from +380671234567");
        assertThat(hers).filteredOn(n -> n.get("kind").asString().equals("import-finished")).singleElement()
                .satisfies(n -> assertThat(n.get("body").asString())
                        .isEqualTo("10 created, 2 updated, 1 skipped, 0 rejected"));
    }

    @Test
    void theListIsPagedNewestFirstAndReadStateIsKept() {
        Company company = new Company(port, jdbc);
        UUID olena = company.hire("Olena", "Kovalenko", "olena4@kovalenko.example", "MANAGER");
        UUID taras = company.hire("Taras", "Shevchuk", "taras4@kovalenko.example", "MANAGER");
        for (int i = 0; i < 5; i++) {
            company.publish(comment(olena, UUID.randomUUID(), "note " + i, taras), olena);
        }
        var api = company.as(taras, "MANAGER");
        await().until(() -> api.get("/api/notifications/unread-count").json().get("count").asLong() == 5);

        var first = api.get("/api/notifications?limit=2").json();
        assertThat(first.get("items")).hasSize(2);
        String cursor = first.get("nextCursor").asString();
        var second = api.get("/api/notifications?limit=2&cursor=" + cursor).json();
        var third = api.get("/api/notifications?limit=2&cursor=" + second.get("nextCursor").asString()).json();
        assertThat(third.get("items")).hasSize(1);
        assertThat(third.get("nextCursor").isNull()).isTrue();
        List<String> ids = new java.util.ArrayList<>();
        for (JsonNode page : List.of(first, second, third)) {
            page.get("items").forEach(n -> ids.add(n.get("id").asString()));
        }
        assertThat(ids).doesNotHaveDuplicates().hasSize(5);
        List<Instant> times = items(api, "").stream().map(n -> Instant.parse(n.get("createdAt").asString())).toList();
        assertThat(times).isSortedAccordingTo(java.util.Comparator.reverseOrder());

        assertThat(api.post("/api/notifications/" + ids.getFirst() + "/read", "").status()).isEqualTo(204);
        assertThat(api.post("/api/notifications/" + ids.getFirst() + "/read", "").status()).as("again").isEqualTo(204);
        assertThat(api.get("/api/notifications/unread-count").json().get("count").asLong()).isEqualTo(4);
        assertThat(items(api, "?unreadOnly=true")).hasSize(4)
                .noneMatch(n -> n.get("id").asString().equals(ids.getFirst()));
        assertThat(items(api, "").stream().filter(n -> n.get("id").asString().equals(ids.getFirst())).findFirst()
                .orElseThrow().get("readAt").isNull()).isFalse();

        assertThat(api.post("/api/notifications/read-all", "").status()).isEqualTo(204);
        assertThat(api.get("/api/notifications/unread-count").json().get("count").asLong()).isZero();
        assertThat(items(api, "?unreadOnly=true")).isEmpty();
    }

    @Test
    void anotherUsersOrCompanysNotificationIsNotFound() {
        Company company = new Company(port, jdbc);
        UUID olena = company.hire("Olena", "Kovalenko", "olena5@kovalenko.example", "MANAGER");
        UUID taras = company.hire("Taras", "Shevchuk", "taras5@kovalenko.example", "MANAGER");
        company.publish(comment(olena, UUID.randomUUID(), "see this", taras), olena);
        var api = company.as(taras, "MANAGER");
        String id = await().until(() -> items(api, ""), found -> !found.isEmpty()).getFirst().get("id").asString();

        var colleague = company.as(olena, "MANAGER").post("/api/notifications/" + id + "/read", "");
        assertThat(colleague.status()).isEqualTo(404);
        assertThat(colleague.json().get("type").asString()).isEqualTo("/problems/not-found");
        Company other = new Company(port, jdbc, "Other Ltd");
        assertThat(other.as(taras, "MANAGER").post("/api/notifications/" + id + "/read", "").status())
                .as("the same user id in another company's token").isEqualTo(404);
        assertThat(other.admin().get("/api/notifications").json().get("items")).isEmpty();
        assertThat(api.post("/api/notifications/" + UUID.randomUUID() + "/read", "").status()).isEqualTo(404);
        assertThat(api.get("/api/notifications/unread-count").json().get("count").asLong()).isEqualTo(1);
    }

    @Test
    void badInputAndMissingTokensAreRefused() {
        Company company = new Company(port, jdbc);
        var api = company.admin();
        var badCursor = api.get("/api/notifications?cursor=not-a-cursor");
        assertThat(badCursor.status()).isEqualTo(400);
        assertThat(badCursor.json().get("type").asString()).isEqualTo("/problems/validation");
        assertThat(api.post("/api/notifications/not-a-uuid/read", "").status()).isEqualTo(400);
        assertThat(api.get("/api/notifications?unreadOnly=maybe").status()).isEqualTo(400);

        var anonymous = ApiClient.onPort(port);
        assertThat(anonymous.get("/api/notifications").status()).isEqualTo(401);
        assertThat(anonymous.get("/api/notifications/unread-count").status()).isEqualTo(401);
        assertThat(anonymous.post("/api/notifications/read-all", "").status()).isEqualTo(401);
        assertThat(anonymous.post("/api/notifications/" + UUID.randomUUID() + "/read", "").status()).isEqualTo(401);
        var expired = anonymous.withToken(TestTokens.expiredAccessToken(company.tenant, company.admin, "ADMIN"));
        assertThat(expired.get("/api/notifications").status()).isEqualTo(401);
        var integration = anonymous.withToken(TestTokens.integrationToken(company.tenant, UUID.randomUUID(),
                "telephony:write"));
        assertThat(integration.get("/api/notifications").status()).isEqualTo(403);
    }

    static DealCreated deal(UUID id, long number, UUID owner, long version) {
        return new DealCreated(id, number, "Anchors", new BigDecimal("1180.50"), "UAH", null, "Olena Kovalenko", null,
                null, owner, UUID.randomUUID(), new StageRef(UUID.randomUUID(), "new-order", null, "OPEN"), "OPEN",
                "NOT_PAID", null, null, null, null, null, null, null, null, Instant.now(), version);
    }

    static DealUpdated dealUpdated(UUID id, long number, UUID owner, long version) {
        return new DealUpdated(id, number, "Anchors", new BigDecimal("1180.50"), "UAH", null, "Olena Kovalenko", null,
                null, owner, UUID.randomUUID(), new StageRef(UUID.randomUUID(), "new-order", null, "OPEN"), "OPEN",
                "NOT_PAID", null, null, null, null, null, null, null, null, null, Instant.now(), version);
    }

    static LeadCreated lead(UUID owner) {
        return new LeadCreated(UUID.randomUUID(), 12, UUID.randomUUID(),
                new StageRef(UUID.randomUUID(), "new-request", null, "OPEN"), null, "Антонов Артем", "+380996453478",
                null, null, owner, "facebook", null, null, null, Instant.now(), 0);
    }
}
