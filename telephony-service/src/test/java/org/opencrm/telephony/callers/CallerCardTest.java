package org.opencrm.telephony.callers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.events.contacts.ContactDeleted;
import org.opencrm.platform.events.contacts.ContactUpdated;
import org.opencrm.platform.events.deals.DealCreated;
import org.opencrm.platform.events.deals.DealDeleted;
import org.opencrm.platform.events.deals.DealWon;
import org.opencrm.platform.events.deals.StageRef;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TopicProbe;
import org.opencrm.telephony.CallTopic;
import org.opencrm.telephony.TestCompany;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The screen pop's cards from contacts' and deals' events: several matches, open deals, updates and deletions. */
@CrmIntegrationTest
class CallerCardTest {

    private static final StageRef OPEN = new StageRef(UUID.randomUUID(), "new-order", null, "OPEN");
    private static final StageRef WON = new StageRef(UUID.randomUUID(), "successful", null, "WON");

    @LocalServerPort
    int port;

    @Test
    void everyContactWithTheNumberIsOfferedWithItsOpenDealsAndLastInteraction() throws Exception {
        TestCompany company = new TestCompany(port);
        UUID owner = company.hire("MANAGER", null, "101");
        UUID olena = company.contact("Olena", "Kovalenko", owner, true, "+380671234567", "+380501234567");
        UUID taras = company.contact("Taras", "Kovalenko", null, false, "+380 67 123 4567");
        UUID first = deal(company, olena, "1000.00", "UAH", Instant.parse("2026-11-20T12:00:00Z"));
        deal(company, olena, "180.50", "UAH", Instant.parse("2026-11-25T12:00:00Z"));
        UUID won = deal(company, olena, "200.00", "EUR", Instant.parse("2026-11-21T12:00:00Z"));
        TopicProbe.publish(new DealWon(won, 3, null, new BigDecimal("200.00"), "EUR", olena, null, owner, UUID.randomUUID(),
                WON, null, null, null, null, Instant.parse("2026-11-22T12:00:00Z"), 1), company.tenant, null);
        await().until(() -> TestCompany.count("select count(*) from caller_deal where id = ? and status = 'WON'", won) == 1);

        try (CallTopic topic = new CallTopic()) {
            JsonNode pop = ring(company, topic, "two-1", "0671234567");
            assertThat(pop.get("callers")).hasSize(2);
            JsonNode card = pop.get("callers").get(0);
            assertThat(card.get("contactId").asString()).isEqualTo(olena.toString());
            assertThat(card.get("openDeals").asInt()).isEqualTo(2);
            assertThat(card.get("openDealsTotals")).hasSize(1);
            assertThat(card.get("openDealsTotals").get(0).get("amount").decimalValue()).isEqualByComparingTo("1180.50");
            assertThat(card.get("openDealsTotals").get(0).get("currency").asString()).isEqualTo("UAH");
            assertThat(card.get("lastInteractionAt").asString()).isEqualTo("2026-11-25T12:00:00Z");
            assertThat(card.get("lastInteractionChannel").asString()).isEqualTo("DEAL");
            assertThat(pop.get("callers").get(1).get("contactId").asString()).isEqualTo(taras.toString());
            JsonNode call = company.admin().get("/api/telephony/calls/" + pop.get("callId").asString()).json();
            assertThat(call.get("contactId").isNull()).as("two matched").isTrue();
            assertThat(call.get("matchedContactIds")).hasSize(2);

            // a deal deleted, an older update, a newer one and a deletion
            TopicProbe.publish(new DealDeleted(first, 1, null, new BigDecimal("1000.00"), "UAH", olena, null, owner,
                    UUID.randomUUID(), OPEN, "OPEN", null, null, null, null, owner, Instant.now(), 0), company.tenant, null);
            TopicProbe.publish(updated(taras, "Old", 0), company.tenant, null);
            TopicProbe.publish(updated(olena, "Olena", 2), company.tenant, null);
            TopicProbe.publish(new ContactDeleted(taras, owner, Instant.now()), company.tenant, null);
            await().until(() -> TestCompany.count("select count(*) from caller_card where id = ? and version = 2", olena) == 1
                    && TestCompany.count("select count(*) from caller_card where id = ? and deleted", taras) == 1
                    && TestCompany.count("select count(*) from caller_card where id = ? and open_deals = 1", olena) == 1);

            JsonNode again = ring(company, topic, "two-2", "+380501234567");
            assertThat(again.get("callers")).hasSize(1);
            assertThat(again.get("callers").get(0).get("openDeals").asInt()).isEqualTo(1);
            assertThat(again.get("callers").get(0).get("vip").asBoolean()).isFalse();
            assertThat(ring(company, topic, "two-3", "0671234567").get("callers")).as("the new phones only").isEmpty();
        }
    }

    private static JsonNode ring(TestCompany company, CallTopic topic, String id, String from) {
        var response = company.exchange().post("/api/integrations/telephony/events/generic", """
                {"eventId": "%s", "callId": "%s", "type": "RINGING", "direction": "INBOUND", "from": "%s",
                 "to": "0441234567", "extension": "101", "occurredAt": "2026-11-27T10:00:00Z"}""".formatted(id, id, from));
        assertThat(response.status()).as(response.body()).isEqualTo(202);
        return topic.await(response.json().get("callId").asString(), "call.ringing");
    }

    private static ContactUpdated updated(UUID contact, String name, long version) {
        return new ContactUpdated(contact, "PERSON", name, null, "Kovalenko", null, "+380501234567",
                List.of("+380501234567"), List.of(), null, "ACTIVE", false, List.of(), Instant.now(), version, null);
    }

    private static UUID deal(TestCompany company, UUID contact, String amount, String currency, Instant at)
            throws Exception {
        UUID deal = UUID.randomUUID();
        TopicProbe.publish(new DealCreated(deal, 1, null, new BigDecimal(amount), currency, contact, "Olena", null,
                null, null, UUID.randomUUID(), OPEN, "OPEN", "NOT_PAID", null, null, null, null, null, null, null,
                null, at, 0), company.tenant, null);
        await().until(() -> TestCompany.count("select count(*) from caller_deal where id = ?", deal) == 1);
        return deal;
    }
}
