package org.opencrm.contacts.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
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
import org.opencrm.platform.events.telephony.CallEnded;
import org.opencrm.platform.events.telephony.CallMissed;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TestTokens;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** What happens to a client's leads and deals appears in their communication history (`001_*` 3.2). */
@CrmIntegrationTest
class TimelineProjectionTest {

    private static final StageRef NEW_ORDER = new StageRef(UUID.randomUUID(), "new-order", null, "OPEN");
    private static final StageRef SHIPPED = new StageRef(UUID.randomUUID(), "order-shipped", "Відправлено", "OPEN");
    private static final StageRef FAILED = new StageRef(UUID.randomUUID(), "failed", null, "LOST");

    @LocalServerPort
    int port;

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
}
