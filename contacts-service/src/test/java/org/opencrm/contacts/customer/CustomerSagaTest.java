package org.opencrm.contacts.customer;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.events.EventHeaders;
import org.opencrm.platform.events.GoldenSamples;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.contacts.ContactUpserted;
import org.opencrm.platform.events.deals.LeadConverted;
import org.opencrm.platform.events.deals.OrderReceived;
import org.opencrm.platform.events.deals.ShopCustomer;
import org.opencrm.platform.events.deals.StageRef;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TestTokens;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * contacts-service's step of the customer saga: order.received and lead.converted from deals-service come
 * in, the contact is found (shop customer id, phone, e-mail) or created, and contact.upserted goes out with
 * the reference it answers, exactly in the shape of its golden sample.
 */
@CrmIntegrationTest
class CustomerSagaTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private final UUID tenant = UUID.randomUUID();
    private final UUID admin = UUID.randomUUID();

    private ApiClient api() {
        return ApiClient.onPort(port).withToken(TestTokens.accessToken(tenant, admin, "ADMIN"));
    }

    private static OrderReceived order(String customerId, String name, String phone, String email) {
        return new OrderReceived(UUID.randomUUID(), 1, "o-" + UUID.randomUUID(), true, new ShopCustomer(customerId,
                name, phone, email), null, new BigDecimal("10.00"), "UAH", "NOT_PAID", null, List.of(), 1, null,
                Instant.now());
    }

    private JsonNode answerTo(TopicProbe contacts, Predicate<JsonNode> about) {
        ConsumerRecord<String, byte[]> record = contacts.awaitRecord(r -> ContactUpserted.TYPE.equals(
                TopicProbe.header(r, EventHeaders.TYPE)) && tenant.toString().equals(TopicProbe.header(r,
                EventHeaders.TENANT_ID)) && about.test(JSON.readTree(r.value())));
        JsonNode data = JSON.readTree(record.value());
        assertThat(record.key()).isEqualTo(data.get("contactId").asString());
        return data;
    }

    @Test
    void aShopCustomerBecomesAContactOnceAndIsFoundAgainByTheShopsId() {
        try (var contacts = TopicProbe.on(Topics.CONTACTS_CONTACT)) {
            OrderReceived first = order("cust-1", "Olena Kovalenko", "+380671112233", "olena@example.com");
            TopicProbe.publish(first, tenant, null);
            JsonNode created = answerTo(contacts, d -> first.dealId().toString().equals(d.path("dealId").asString(null)));

            assertThat(JSON.readTree(GoldenSamples.read(ContactUpserted.TYPE)).propertyNames())
                    .containsExactlyInAnyOrderElementsOf(created.propertyNames());
            assertThat(created.get("created").asBoolean()).isTrue();
            assertThat(created.get("matchedBy").asString()).isEqualTo("created");
            assertThat(created.get("shopCustomerId").asString()).isEqualTo("cust-1");
            assertThat(created.get("shopOrderId").asString()).isEqualTo(first.shopOrderId());
            String contact = created.get("contactId").asString();
            var card = api().get("/api/contacts/" + contact).json();
            assertThat(card.get("status").asString()).isEqualTo("ACTIVE");
            assertThat(card.get("source").asString()).isEqualTo("shop");
            assertThat(card.get("firstName").asString()).isEqualTo("Olena Kovalenko");

            // the same customer with a new phone: found by the shop's id, not duplicated
            OrderReceived second = order("cust-1", "Olena K.", "+380501234567", null);
            TopicProbe.publish(second, tenant, null);
            JsonNode found = answerTo(contacts, d -> second.dealId().toString().equals(d.path("dealId").asString(null)));
            assertThat(found.get("contactId").asString()).isEqualTo(contact);
            assertThat(found.get("matchedBy").asString()).isEqualTo("shop-customer-id");
            assertThat(found.get("created").asBoolean()).isFalse();
        }
    }

    @Test
    void aNewShopCustomerIsMatchedToAnExistingContactByPhoneThenByEmailAndMadeActive() {
        String byPhone = api().post("/api/contacts", Map.of("firstName", "Taras", "points", List.of(Map.of("kind",
                "PHONE", "value", "+380 67 999 8877")))).json().get("id").asString();
        String byEmail = api().post("/api/contacts", Map.of("firstName", "Iryna", "status", "LEAD", "points",
                List.of(Map.of("kind", "EMAIL", "value", "iryna@example.com")))).json().get("id").asString();
        try (var contacts = TopicProbe.on(Topics.CONTACTS_CONTACT)) {
            OrderReceived phoneOrder = order("cust-2", "T. Melnyk", "0679998877", "other@example.com");
            OrderReceived emailOrder = order("cust-3", "Iryna", null, "IRYNA@example.com");
            TopicProbe.publish(phoneOrder, tenant, null);
            TopicProbe.publish(emailOrder, tenant, null);

            JsonNode phone = answerTo(contacts, d -> "cust-2".equals(d.path("shopCustomerId").asString(null)));
            JsonNode email = answerTo(contacts, d -> "cust-3".equals(d.path("shopCustomerId").asString(null)));
            assertThat(phone.get("contactId").asString()).isEqualTo(byPhone);
            assertThat(phone.get("matchedBy").asString()).isEqualTo("phone");
            assertThat(email.get("contactId").asString()).isEqualTo(byEmail);
            assertThat(email.get("matchedBy").asString()).isEqualTo("email");
            assertThat(api().get("/api/contacts/" + byEmail).json().get("status").asString())
                    .as("a buyer is an active client").isEqualTo("ACTIVE");
        }
    }

    @Test
    void aConvertedLeadMakesItsContactActiveOrCreatesOneFromTheSnapshot() {
        String lead = api().post("/api/contacts", Map.of("firstName", "Lead", "status", "LEAD")).json().get("id")
                .asString();
        StageRef won = new StageRef(UUID.randomUUID(), "converted", null, "WON");
        LeadConverted named = new LeadConverted(UUID.randomUUID(), 1, UUID.randomUUID(), 1, null, BigDecimal.TEN, "UAH",
                UUID.fromString(lead), "Lead", null, null, null, admin, UUID.randomUUID(), won, "facebook", null, null,
                null, Instant.now(), 1);
        LeadConverted snapshot = new LeadConverted(UUID.randomUUID(), 2, UUID.randomUUID(), 2, null, BigDecimal.TEN,
                "UAH", null, "Антонов Артем", "+380996453478", "antonov@example.com", null, admin, UUID.randomUUID(),
                won, "facebook", null, null, null, Instant.now(), 1);
        try (var contacts = TopicProbe.on(Topics.CONTACTS_CONTACT)) {
            TopicProbe.publish(named, tenant, admin);
            TopicProbe.publish(snapshot, tenant, admin);

            JsonNode first = answerTo(contacts, d -> named.leadId().toString().equals(d.path("leadId").asString(null)));
            JsonNode second = answerTo(contacts, d -> snapshot.leadId().toString().equals(d.path("leadId").asString(null)));
            assertThat(first.get("contactId").asString()).isEqualTo(lead);
            assertThat(first.get("dealId").asString()).isEqualTo(named.dealId().toString());
            assertThat(api().get("/api/contacts/" + lead).json().get("status").asString()).isEqualTo("ACTIVE");
            assertThat(second.get("created").asBoolean()).isTrue();
            var card = api().get("/api/contacts/" + second.get("contactId").asString()).json();
            assertThat(card.get("firstName").asString()).isEqualTo("Антонов Артем");
            assertThat(card.get("status").asString()).isEqualTo("ACTIVE");
        }
    }
}
