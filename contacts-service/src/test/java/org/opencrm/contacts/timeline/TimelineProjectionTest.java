package org.opencrm.contacts.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.GoldenSamples;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.chat.MessagePosted;
import org.opencrm.platform.events.deals.DealCreated;
import org.opencrm.platform.events.deals.DealLost;
import org.opencrm.platform.events.deals.DealStageChanged;
import org.opencrm.platform.events.deals.LeadConverted;
import org.opencrm.platform.events.deals.OrderReceived;
import org.opencrm.platform.events.deals.PaymentReceived;
import org.opencrm.platform.events.deals.ReturnApproved;
import org.opencrm.platform.events.deals.ReturnItem;
import org.opencrm.platform.events.deals.ShopCustomer;
import org.opencrm.platform.events.deals.StageRef;
import org.opencrm.platform.events.notifications.EmailSent;
import org.opencrm.platform.events.notifications.SmsSent;
import org.opencrm.platform.events.tasks.TaskCompleted;
import org.opencrm.platform.events.tasks.TaskCreated;
import org.opencrm.platform.events.telephony.CallEnded;
import org.opencrm.platform.events.telephony.CallMissed;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TestTokens;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaAdmin;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What happens to a client's leads and deals appears in their communication history (`001_*` 3.2). */
@CrmIntegrationTest
class TimelineProjectionTest {

    private static final StageRef NEW_ORDER = new StageRef(UUID.randomUUID(), "new-order", null, "OPEN");
    private static final StageRef SHIPPED = new StageRef(UUID.randomUUID(), "order-shipped", "Відправлено", "OPEN");
    private static final StageRef FAILED = new StageRef(UUID.randomUUID(), "failed", null, "LOST");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    /** The ids the golden samples of platform/events use, replaced by this test's own. */
    private static final String GOLDEN_CONTACT = "0b9f6a2e-2f0c-4a53-9d3c-6f1f3c1d2a10";
    private static final String GOLDEN_COMPANY = "3e4f5a6b-7c8d-4e9f-a0b1-c2d3e4f5a6b7";
    private static final String GOLDEN_TASK = "a8b9c0d1-e2f3-4a4b-8c5d-6e7f8a9b0c1d";
    private static final String GOLDEN_CHAT = "c0d1e2f3-a4b5-4c6d-8e7f-8a9b0c1d2e3f";
    private static final String GOLDEN_ASSIGNEE = "2f6b1a9c-4d3e-4b8a-9c1d-0e5f6a7b8c90";
    private static final String GOLDEN_DEAL = "7b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e";

    @LocalServerPort
    int port;

    @Autowired
    KafkaAdmin kafkaAdmin;

    private final UUID tenant = UUID.randomUUID();
    private final UUID manager = UUID.randomUUID();
    private final UUID pipeline = UUID.randomUUID();

    private ApiClient api() {
        return ApiClient.onPort(port).withToken(TestTokens.accessToken(tenant, manager, "MANAGER"));
    }

    private UUID create(String path, Map<String, Object> body) {
        var created = api().post(path, body);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return UUID.fromString(created.json().get("id").asString());
    }

    private DealCreated dealCreated(UUID deal, UUID contact, UUID company) {
        return new DealCreated(deal, 1042, "Anchors for the warehouse", new BigDecimal("1180.50"), "UAH", contact,
                "Olha Bondar", company, null, manager, pipeline, NEW_ORDER, "OPEN", "NOT_PAID", null, "SO-77", "shop",
                "Інтернет-магазин", null, null, null, null, Instant.now().minus(1, ChronoUnit.HOURS), 1);
    }

    /** The golden sample of an event type, as its producer is to send it, with the sample's ids replaced. */
    private static <T extends DomainEvent> T golden(String type, Class<T> record, Map<String, UUID> ids) {
        String json = GoldenSamples.read(type);
        for (var id : ids.entrySet()) {
            json = json.replace(id.getKey(), id.getValue().toString());
        }
        return JSON.readValue(json, record);
    }

    /**
     * Another chat whose messages share the given chat's partition (the producer's default partitioning of the
     * key), so that they are read in the order they were sent with that chat's.
     */
    private UUID chatBeside(UUID chat) throws Exception {
        int partitions = kafkaAdmin.describeTopics(Topics.CHAT_MESSAGE).get(Topics.CHAT_MESSAGE).partitions().size();
        UUID other;
        do {
            other = UUID.randomUUID();
        } while (partition(other, partitions) != partition(chat, partitions));
        return other;
    }

    private static int partition(UUID key, int partitions) {
        return Utils.toPositive(Utils.murmur2(key.toString().getBytes(StandardCharsets.UTF_8))) % partitions;
    }

    private List<JsonNode> timeline(String card, UUID id, int expected) {
        return await().until(() -> {
            var items = api().get("/api/" + card + "/" + id + "/timeline").json().get("items");
            return java.util.stream.StreamSupport.stream(items.spliterator(), false).toList();
        }, items -> items.size() >= expected);
    }

    @Test
    void aDealsLifeAppearsOnTheContactsAndTheCompanysCardOnceEach() {
        UUID contact = create("/api/contacts", Map.of("firstName", "Olha", "lastName", "Bondar"));
        UUID company = create("/api/companies", Map.of("name", "Bondar Trade"));
        UUID deal = UUID.randomUUID();
        UUID created = UUID.randomUUID();

        TopicProbe.publish(dealCreated(deal, contact, company), tenant, manager, created);
        TopicProbe.publish(dealCreated(deal, contact, company), tenant, manager, created); // delivered twice
        TopicProbe.publish(new DealStageChanged(deal, 1042, "Anchors for the warehouse", new BigDecimal("1180.50"),
                "UAH", contact, company, manager, pipeline, NEW_ORDER, SHIPPED, "OPEN", "OPEN", manager,
                Instant.now().minus(30, ChronoUnit.MINUTES), 2), tenant, manager);
        TopicProbe.publish(new DealLost(deal, 1042, "Anchors for the warehouse", new BigDecimal("1180.50"), "UAH",
                contact, company, manager, pipeline, FAILED, "Chose another supplier", null, "shop", null, null,
                Instant.now().minus(10, ChronoUnit.MINUTES), 3), tenant, manager);

        List<JsonNode> entries = timeline("contacts", contact, 3);
        assertThat(entries).extracting(entry -> entry.get("source").asString())
                .containsExactly("deal.lost", "deal.stage-changed", "deal.created");
        assertThat(entries).extracting(entry -> entry.get("summary").asString()).containsExactly(
                "Deal #1042 \"Anchors for the warehouse\" lost: Chose another supplier",
                "Deal #1042 \"Anchors for the warehouse\" moved from new order to Відправлено",
                "Deal #1042 \"Anchors for the warehouse\" created: 1,180.50 UAH");
        JsonNode moved = entries.get(1);
        assertThat(moved.get("channel").asString()).isEqualTo("DEAL");
        assertThat(moved.at("/link/type").asString()).isEqualTo("DEAL");
        assertThat(moved.at("/link/id").asString()).isEqualTo(deal.toString());
        assertThat(moved.at("/details/to/code").asString()).isEqualTo("order-shipped");
        assertThat(moved.at("/details/to/name").asString()).isEqualTo("Відправлено");
        assertThat(entries.get(2).at("/details/amount").decimalValue()).isEqualByComparingTo("1180.50");

        assertThat(timeline("companies", company, 3)).hasSize(3);
        // an entry from an event cannot be removed by hand
        var removal = api().delete("/api/contacts/" + contact + "/timeline/" + moved.get("id").asString());
        assertThat(removal.status()).isEqualTo(403);
    }

    @Test
    void anEventOfAnotherCompanyNamingOurContactMakesNoEntry() {
        UUID contact = create("/api/contacts", Map.of("firstName", "Taras"));
        UUID deal = UUID.randomUUID();

        TopicProbe.publish(dealCreated(deal, contact, null), UUID.randomUUID(), UUID.randomUUID());
        // the same deal's key, so the same partition: once this one is in, the foreign one was read before it
        TopicProbe.publish(new DealLost(deal, 1042, "Own deal", BigDecimal.TEN, "UAH", contact, null, manager,
                pipeline, FAILED, null, null, null, null, null, Instant.now(), 2), tenant, manager);

        List<JsonNode> entries = timeline("contacts", contact, 1);
        assertThat(entries).extracting(entry -> entry.get("source").asString()).containsExactly("deal.lost");
    }

    @Test
    void aConvertedLeadOfAMergedContactGoesToTheCardItWasMergedInto() {
        UUID survivor = create("/api/contacts", Map.of("firstName", "Iryna", "lastName", "Koval"));
        UUID merged = create("/api/contacts", Map.of("firstName", "Iryna", "lastName", "Koval", "email", "iryna@koval.example"));
        var merge = api().post("/api/contacts/merge", Map.of("survivorId", survivor.toString(), "mergedId", merged.toString()));
        assertThat(merge.status()).as(merge.body()).isEqualTo(200);

        TopicProbe.publish(new LeadConverted(UUID.randomUUID(), 17, UUID.randomUUID(), 1043, "Fasteners",
                new BigDecimal("99.90"), "UAH", merged, "Iryna Koval", null, null, null, manager, pipeline,
                new StageRef(UUID.randomUUID(), "converted", null, "WON"), "facebook", "FB - Саморезы", null, null,
                Instant.now(), 4), tenant, manager);

        List<JsonNode> entries = timeline("contacts", survivor, 1);
        assertThat(entries.getFirst().get("summary").asString())
                .isEqualTo("Lead #17 converted into deal #1043 \"Fasteners\"");
        assertThat(entries.getFirst().get("contactId").asString()).isEqualTo(survivor.toString());
    }

    @Test
    void aShopOrderOfANewCustomerItsPaymentAndItsReturnAppearOnTheContactTheSagaFound() {
        UUID deal = UUID.randomUUID();
        String customer = "c-" + UUID.randomUUID();
        String order = "SO-" + deal.toString().substring(0, 6);
        UUID received = UUID.randomUUID();
        var orderReceived = new OrderReceived(deal, 2001, order, true, new ShopCustomer(customer, "Marta Lysenko",
                "+380 67 123 45 67", null), null, new BigDecimal("250.00"), "UAH", "NOT_PAID", null, List.of(), 1,
                Instant.now().minus(20, ChronoUnit.MINUTES), Instant.now());
        TopicProbe.publish(orderReceived, tenant, manager, received);
        TopicProbe.publish(orderReceived, tenant, manager, received); // delivered twice
        TopicProbe.publish(new PaymentReceived(deal, order, "pay-1", "PAID", "CARD", new BigDecimal("250.00"), "UAH",
                Instant.now().minus(10, ChronoUnit.MINUTES), Instant.now()), tenant, manager);

        UUID contact = await().until(() -> {
            var found = api().get("/api/contacts?q=" + java.net.URLEncoder.encode("+380671234567",
                    java.nio.charset.StandardCharsets.UTF_8)).json().get("items");
            return found.isEmpty() ? null : UUID.fromString(found.get(0).get("id").asString());
        }, java.util.Objects::nonNull);
        // a payment that came before the saga linked the order finds no client yet; the return names its contact
        TopicProbe.publish(new ReturnApproved(UUID.randomUUID(), deal, order, "r-1", contact, "Wrong size", null,
                List.of(new ReturnItem(null, "SKU-1", "Boots", BigDecimal.ONE)), "APPROVED", manager,
                Instant.now().minus(5, ChronoUnit.MINUTES)), tenant, manager);

        List<JsonNode> entries = timeline("contacts", contact, 2);
        assertThat(entries).extracting(entry -> entry.get("source").asString()).contains("return.approved")
                .containsOnlyOnce("order.received").last().isEqualTo("order.received");
        JsonNode first = entries.getLast();
        assertThat(first.get("summary").asString()).isEqualTo("Order " + order + " received: 250.00 UAH");
        assertThat(first.get("channel").asString()).isEqualTo("ORDER");
        assertThat(first.at("/link/id").asString()).isEqualTo(deal.toString());
        assertThat(first.at("/details/shopOrderId").asString()).isEqualTo(order);

        // a later payment of the linked order goes to the same card
        TopicProbe.publish(new PaymentReceived(deal, order, "pay-2", "REFUNDED", "CARD", new BigDecimal("250.00"),
                "UAH", Instant.now(), Instant.now()), tenant, manager);
        await().untilAsserted(() -> assertThat(timeline("contacts", contact, 1))
                .anySatisfy(entry -> assertThat(entry.get("summary").asString())
                        .isEqualTo("Payment for order " + order + ": REFUNDED: 250.00 UAH")));
    }

    @Test
    void callsEmailsAndSmsToTheContactAppearOnItsCardWithTheirDirection() {
        UUID contact = create("/api/contacts", Map.of("firstName", "Iryna", "lastName", "Melnyk"));
        UUID company = create("/api/companies", Map.of("name", "Melnyk Foods"));
        UUID answered = UUID.randomUUID();
        UUID missed = UUID.randomUUID();
        UUID ended = UUID.randomUUID();
        Instant start = Instant.now().minus(2, ChronoUnit.HOURS);
        var call = new CallEnded(answered, "INBOUND", "+380501112233", "+380441234567", "101", manager, contact,
                List.of(contact), "Iryna Melnyk", start, start.plusSeconds(7), start.plusSeconds(252), 7, 245);
        TopicProbe.publish(call, tenant, null, ended);
        TopicProbe.publish(call, tenant, null, ended); // delivered twice
        TopicProbe.publish(new CallMissed(missed, "OUTBOUND", "+380441234567", "+380501112233", "101", manager, contact,
                List.of(contact), "Iryna Melnyk", start.plusSeconds(3600), start.plusSeconds(3630), 30), tenant, manager);
        TopicProbe.publish(new EmailSent(UUID.randomUUID(), "mailing", "iryna@melnyk.example", null, contact,
                "Winter prices", "uk", 1, start.plusSeconds(4000)), tenant, null);
        TopicProbe.publish(new SmsSent(UUID.randomUUID(), "reminder", "+380501112233", null, contact, "sms-1", 1,
                start.plusSeconds(5000)), tenant, null);
        // two contacts share the number: the call is nobody's in particular, so it goes on no card
        TopicProbe.publish(new CallMissed(UUID.randomUUID(), "INBOUND", "+380501112233", "+380441234567", "101",
                manager, null, List.of(contact, UUID.randomUUID()), null, start.plusSeconds(6000),
                start.plusSeconds(6010), 10), tenant, null);
        // another company's call naming our contact makes no entry
        TopicProbe.publish(new CallMissed(UUID.randomUUID(), "INBOUND", "+380501112233", "+380441234567", "101",
                manager, contact, List.of(contact), null, start.plusSeconds(7000), start.plusSeconds(7010), 10),
                UUID.randomUUID(), null);

        List<JsonNode> entries = timeline("contacts", contact, 4);
        assertThat(entries).extracting(entry -> entry.get("source").asString())
                .containsExactly("sms.sent", "email.sent", "call.missed", "call.ended");
        assertThat(entries).extracting(entry -> entry.get("channel").asString())
                .containsExactly("SMS", "EMAIL", "CALL", "CALL");
        assertThat(entries).extracting(entry -> entry.get("direction").asString())
                .containsExactly("OUT", "OUT", "OUT", "IN");
        assertThat(entries).extracting(entry -> entry.get("summary").asString()).containsExactly(
                "SMS sent to +380501112233", "E-mail sent: Winter prices", "Unanswered call to +380501112233",
                "Incoming call from +380501112233, 4 min 5 s");
        JsonNode talk = entries.get(3);
        assertThat(talk.at("/link/type").asString()).isEqualTo("CALL");
        assertThat(talk.at("/link/id").asString()).isEqualTo(answered.toString());
        assertThat(talk.at("/details/talkSeconds").asInt()).isEqualTo(245);
        assertThat(entries.get(2).at("/details/missed").asBoolean()).isTrue();
        assertThat(api().get("/api/companies/" + company + "/timeline").json().get("items")).isEmpty();
    }

    @Test
    void aTaskCreatedAndDoneForAContactAndItsCompanyAppearsOnBothCardsOnceEach() {
        UUID contact = create("/api/contacts", Map.of("firstName", "Oksana", "lastName", "Hnatyuk"));
        UUID company = create("/api/companies", Map.of("name", "Hnatyuk Steel"));
        UUID task = UUID.randomUUID();
        var ids = Map.of(GOLDEN_CONTACT, contact, GOLDEN_COMPANY, company, GOLDEN_TASK, task);
        TaskCreated created = golden(TaskCreated.TYPE, TaskCreated.class, ids);
        UUID createdEvent = UUID.randomUUID();

        // the same task's key, so the same partition: once ours are in, another company's was read before them
        TopicProbe.publish(new TaskCreated(task, "Not ours", null, null, contact, company, null, null, Instant.now()),
                UUID.randomUUID(), UUID.randomUUID());
        TopicProbe.publish(created, tenant, manager, createdEvent);
        TopicProbe.publish(created, tenant, manager, createdEvent); // delivered twice
        TopicProbe.publish(golden(TaskCompleted.TYPE, TaskCompleted.class, ids), tenant, manager);

        List<JsonNode> entries = timeline("contacts", contact, 2);
        assertThat(entries).extracting(entry -> entry.get("source").asString())
                .containsExactly("task.completed", "task.created");
        assertThat(entries).extracting(entry -> entry.get("channel").asString()).containsExactly("TASK", "TASK");
        assertThat(entries).allSatisfy(entry -> {
            assertThat(entry.get("direction").isNull()).isTrue();
            assertThat(entry.at("/link/type").asString()).isEqualTo("TASK");
            assertThat(entry.at("/link/id").asString()).isEqualTo(task.toString());
            assertThat(entry.get("contactId").asString()).isEqualTo(contact.toString());
            assertThat(entry.get("companyId").asString()).isEqualTo(company.toString());
        });
        assertThat(entries).extracting(entry -> entry.get("summary").asString()).containsExactly(
                "Task done: Call back about the wholesale prices: Agreed on 5% off from 100 boxes",
                "Task created: Call back about the wholesale prices, due 2026-11-28");
        JsonNode done = entries.get(0);
        assertThat(Instant.parse(done.get("occurredAt").asString())).isEqualTo(Instant.parse("2026-11-28T09:40:00Z"));
        assertThat(done.at("/details/result").asString()).isEqualTo("Agreed on 5% off from 100 boxes");
        assertThat(done.at("/details/completedBy").asString()).isEqualTo(GOLDEN_ASSIGNEE);
        JsonNode made = entries.get(1);
        assertThat(Instant.parse(made.get("occurredAt").asString())).isEqualTo(created.createdAt());
        assertThat(made.at("/details/title").asString()).isEqualTo("Call back about the wholesale prices");
        assertThat(made.at("/details/dueAt").asString()).isEqualTo("2026-11-28T10:00:00Z");
        assertThat(made.at("/details/assigneeId").asString()).isEqualTo(GOLDEN_ASSIGNEE);
        assertThat(made.at("/details/dealId").asString()).isEqualTo(GOLDEN_DEAL);

        assertThat(timeline("companies", company, 2)).extracting(entry -> entry.get("source").asString())
                .containsExactly("task.completed", "task.created");
    }

    @Test
    void aTaskOfADealAloneMakesNoEntryEvenWhenTheDealsClientIsKnown() {
        UUID contact = create("/api/contacts", Map.of("firstName", "Petro", "lastName", "Savchuk"));
        UUID deal = UUID.randomUUID();
        TopicProbe.publish(dealCreated(deal, contact, null), tenant, manager);
        timeline("contacts", contact, 1); // the deal's client is known here now
        UUID task = UUID.randomUUID();

        TopicProbe.publish(new TaskCreated(task, "Prepare the contract", null, manager, null, null, deal, null,
                Instant.now().minus(30, ChronoUnit.MINUTES)), tenant, manager);
        // the same task, linked to the client since: done, it goes on the client's card
        TopicProbe.publish(new TaskCompleted(task, "Prepare the contract", manager, Instant.now(), null, contact, null,
                deal, null), tenant, manager);

        List<JsonNode> entries = timeline("contacts", contact, 2);
        assertThat(entries).extracting(entry -> entry.get("source").asString())
                .containsExactly("task.completed", "deal.created");
        assertThat(entries.getFirst().get("summary").asString()).isEqualTo("Task done: Prepare the contract");
        assertThat(entries.getFirst().at("/details/result").isMissingNode()).isTrue();
    }

    @Test
    void aClientsMessagesInAndOutAppearOnItsCardAndColleaguesChatsDoNot() throws Exception {
        UUID contact = create("/api/contacts", Map.of("firstName", "Halyna", "lastName", "Rudenko"));
        UUID chat = UUID.randomUUID();
        UUID colleagues = chatBeside(chat);
        MessagePosted question = golden(MessagePosted.TYPE, MessagePosted.class,
                Map.of(GOLDEN_CONTACT, contact, GOLDEN_CHAT, chat));
        String offer = "Пропонуємо анкери 8x60 за оптовою ціною: " + "від 100 коробок знижка 5%, ".repeat(10);
        UUID questionEvent = UUID.randomUUID();

        // read before the client's messages (one partition): a colleagues' chat and another company's message
        TopicProbe.publish(new MessagePosted(UUID.randomUUID(), colleagues, "internal", null, null, manager,
                "Who answers Halyna about the anchors?", question.postedAt().minusSeconds(60)), tenant, manager);
        TopicProbe.publish(new MessagePosted(UUID.randomUUID(), chat, "viber", contact, "IN", null, "Not ours",
                question.postedAt().minusSeconds(30)), UUID.randomUUID(), null);
        TopicProbe.publish(question, tenant, null, questionEvent);
        TopicProbe.publish(question, tenant, null, questionEvent); // delivered twice
        TopicProbe.publish(new MessagePosted(UUID.randomUUID(), chat, "telegram", contact, "OUT", manager, offer,
                question.postedAt().plusSeconds(300)), tenant, manager);

        List<JsonNode> entries = timeline("contacts", contact, 2);
        assertThat(entries).extracting(entry -> entry.get("source").asString())
                .containsExactly("message.posted", "message.posted");
        assertThat(entries).extracting(entry -> entry.get("channel").asString()).containsExactly("CHAT", "CHAT");
        assertThat(entries).extracting(entry -> entry.get("direction").asString()).containsExactly("OUT", "IN");
        assertThat(entries).extracting(entry -> entry.at("/link/type").asString()).containsExactly("CHAT", "CHAT");
        assertThat(entries).extracting(entry -> entry.at("/link/id").asString())
                .containsExactly(chat.toString(), chat.toString());
        String excerpt = offer.substring(0, 199) + "…";
        assertThat(entries).extracting(entry -> entry.get("summary").asString()).containsExactly(
                "Message to the client: " + excerpt,
                "Message from the client: Добрий день! Анкери 8x60 ще є в наявності?");
        JsonNode reply = entries.get(0);
        assertThat(reply.at("/details/text").asString()).hasSize(200).isEqualTo(excerpt);
        assertThat(reply.at("/details/channel").asString()).isEqualTo("telegram");
        assertThat(reply.at("/details/authorId").asString()).isEqualTo(manager.toString());
        JsonNode asked = entries.get(1);
        assertThat(Instant.parse(asked.get("occurredAt").asString())).isEqualTo(question.postedAt());
        assertThat(asked.at("/details/authorId").isMissingNode()).isTrue();
    }
}
