package org.opencrm.telephony.callers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.events.EventHeaders;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.deals.DealCreated;
import org.opencrm.platform.events.deals.StageRef;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TopicProbe;
import org.opencrm.telephony.TestCompany;

/**
 * A projection consuming a poll's records in one transaction per tenant (IdempotentConsumer.handleAll): every
 * good event of the poll is applied once, a poll mixing companies keeps them apart, and an event that cannot be
 * applied is retried and dead-lettered alone while the events around it are applied.
 */
@CrmIntegrationTest
class BatchConsumptionTest {

    private static final StageRef OPEN = new StageRef(UUID.randomUUID(), "new-order", null, "OPEN");

    @Test
    void aPollOfSeveralCompaniesAppliesEachGoodEventOnceAndDeadLettersOnlyTheBadOne() throws Exception {
        UUID tenant = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID contact = UUID.randomUUID();
        UUID poison = UUID.randomUUID();
        List<UUID> deals = new ArrayList<>();
        List<ProducerRecord<String, byte[]>> records = new ArrayList<>();
        // one key, so one partition and this order: three deals, a record that does not fit deal.created, three
        // more, then another company's deal, and the first deal's event again (a redelivery)
        for (int i = 0; i < 7; i++) {
            UUID deal = UUID.randomUUID();
            deals.add(deal);
            UUID eventId = UUID.randomUUID();
            records.add(keyed(TopicProbe.record(created(deal, contact, i < 6 ? "100.00" : "7.00"), i < 6 ? tenant : other,
                    null, eventId)));
            if (i == 2) {
                records.add(poison(poison, tenant));
            }
        }
        records.add(records.getFirst());

        try (var deadLetters = TopicProbe.on(Topics.deadLetter(Topics.DEALS_DEAL))) {
            TopicProbe.sendAll(records);
            deadLetters.awaitRecord(r -> poison.toString().equals(TopicProbe.header(r, EventHeaders.ID)));
            await().atMost(Duration.ofSeconds(20)).until(() -> TestCompany.count(
                    "select count(*) from caller_deal where id = any(?)", (Object) deals.toArray(UUID[]::new)) == 7);
            assertThat(deadLetters.records(r -> poison.toString().equals(TopicProbe.header(r, EventHeaders.ID))))
                    .hasSize(1);
        }
        assertThat(TestCompany.count("select count(*) from caller_deal where tenant_id = ? and contact_id = ?", tenant,
                contact)).isEqualTo(6);
        assertThat(TestCompany.count("select count(*) from caller_deal where tenant_id = ? and contact_id = ?", other,
                contact)).as("another company's deal stays its own").isEqualTo(1);
        assertThat(TestCompany.count("select count(*) from processed_event where consumer = 'caller-deals' and tenant_id = ?",
                tenant)).as("each event once, the redelivery absorbed").isEqualTo(6);
    }

    private static DealCreated created(UUID deal, UUID contact, String amount) {
        return new DealCreated(deal, 1, null, new BigDecimal(amount), "UAH", contact, "Olena", null, null, null,
                UUID.randomUUID(), OPEN, "OPEN", "NOT_PAID", null, null, null, null, null, null, null, null,
                Instant.now(), 0);
    }

    private static ProducerRecord<String, byte[]> keyed(ProducerRecord<String, byte[]> record) {
        return new ProducerRecord<>(record.topic(), null, "batch-test", record.value(), record.headers());
    }

    private static ProducerRecord<String, byte[]> poison(UUID id, UUID tenant) {
        var headers = new RecordHeaders();
        headers.add(EventHeaders.ID, id.toString().getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.SOURCE, "test".getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.TYPE, DealCreated.TYPE.getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.SPEC_VERSION, "1.0".getBytes(StandardCharsets.UTF_8));
        headers.add(EventHeaders.TENANT_ID, tenant.toString().getBytes(StandardCharsets.UTF_8));
        return new ProducerRecord<>(Topics.DEALS_DEAL, null, "batch-test",
                "{\"dealId\": \"not-a-uuid\"}".getBytes(StandardCharsets.UTF_8), headers);
    }
}
