package org.opencrm.contacts.customer;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opencrm.contacts.contact.CustomerContacts.Match;
import org.opencrm.contacts.contact.CustomerContacts;
import org.opencrm.contacts.timeline.TimelineProjector;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.contacts.ContactUpserted;
import org.opencrm.platform.events.deals.LeadConverted;
import org.opencrm.platform.events.deals.OrderReceived;
import org.opencrm.platform.events.deals.ShopCustomer;
import org.opencrm.platform.starter.events.EventPublisher;
import org.opencrm.platform.starter.events.IdempotentConsumer;
import org.opencrm.platform.starter.events.IncomingEvents;
import org.opencrm.platform.starter.security.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * contacts-service's step of the customer saga (ARCHITECTURE §5), without calls back to deals-service: for a
 * shop order's customer ({@code order.received}) the contact is found by the shop's customer id, else by
 * phone, else by e-mail, else created (ACTIVE, source "shop"), and the shop id is remembered for it; for a
 * converted lead ({@code lead.converted}) the named contact is made an active client, else one is found by
 * the lead's phone or e-mail or created from its snapshot. Either way {@code contact.upserted} answers with the
 * reference, so deals-service links the order's deal, or the lead and its deal, to the contact. A new order
 * is recorded on the contact's timeline here, as only now is its contact known.
 */
@Component
class CustomerSaga {

    static final String CONSUMER = "customer-saga";
    private static final Set<String> HANDLED = Set.of(OrderReceived.TYPE, LeadConverted.TYPE);

    private final IncomingEvents incoming;
    private final IdempotentConsumer inbox;
    private final CustomerContacts contacts;
    private final EventPublisher events;
    private final JdbcTemplate jdbc;
    private final TimelineProjector timeline;

    CustomerSaga(IncomingEvents incoming, IdempotentConsumer inbox, CustomerContacts contacts, EventPublisher events,
            JdbcTemplate jdbc, TimelineProjector timeline) {
        this.incoming = incoming;
        this.inbox = inbox;
        this.contacts = contacts;
        this.events = events;
        this.jdbc = jdbc;
        this.timeline = timeline;
    }

    @KafkaListener(id = CONSUMER, groupId = "${spring.application.name}." + CONSUMER,
            topics = {Topics.DEALS_ORDER, Topics.DEALS_LEAD}, batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbox.handleAll(records, this::onRecord);
    }

    private void onRecord(ConsumerRecord<String, byte[]> record) {
        incoming.read(record, HANDLED).ifPresent(event -> {
            if (event.data() instanceof OrderReceived order && order.customer() != null && order.contactId() == null) {
                inbox.handle(CONSUMER, event, e -> on(e, order));
            } else if (event.data() instanceof LeadConverted lead) {
                inbox.handle(CONSUMER, event, e -> on(lead));
            }
        });
    }

    private void on(EventEnvelope event, OrderReceived order) {
        UUID tenant = TenantContext.require();
        ShopCustomer customer = order.customer();
        String ref = customer.shopCustomerId();
        // two orders of one new customer on two partitions at once: the second waits here and finds the first's contact
        jdbc.queryForList("select pg_advisory_xact_lock(hashtextextended(?, 0))", tenant + "/shop-customer/" + ref);
        List<UUID> known = jdbc.queryForList("""
                select contact_id from contact_shop_customer where tenant_id = ? and shop_customer_id = ?
                """, UUID.class, tenant, ref);
        Match match = known.stream().findFirst().flatMap(id -> contacts.activate(id, "shop-customer-id"))
                .orElseGet(() -> contacts.findOrCreate(customer.name(), customer.phone(), customer.email(), "shop"));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        jdbc.update("""
                insert into contact_shop_customer (tenant_id, shop_customer_id, contact_id, created_at) values (?, ?, ?, ?)
                on conflict (tenant_id, shop_customer_id) do update set contact_id = excluded.contact_id
                """, tenant, ref, match.contactId(), Timestamp.from(now));
        events.publish(new ContactUpserted(match.contactId(), match.created(), match.status(), match.matchedBy(), ref,
                order.shopOrderId(), order.dealId(), null, now));
        if (order.firstTime()) {
            timeline.recordOrder(event, order, match.contactId());
        }
    }

    private void on(LeadConverted lead) {
        Match match = contacts.activate(lead.contactId(), "contact-id")
                .orElseGet(() -> contacts.findOrCreate(lead.contactName(), lead.phone(), lead.email(),
                        lead.source() == null ? "lead" : lead.source()));
        events.publish(new ContactUpserted(match.contactId(), match.created(), match.status(), match.matchedBy(), null,
                null, lead.dealId(), lead.leadId(), Instant.now().truncatedTo(ChronoUnit.MICROS)));
    }
}
