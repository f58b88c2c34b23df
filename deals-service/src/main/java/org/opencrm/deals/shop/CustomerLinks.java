package org.opencrm.deals.shop;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opencrm.deals.deal.OrderDeals;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.contacts.ContactUpserted;
import org.opencrm.platform.starter.events.IdempotentConsumer;
import org.opencrm.platform.starter.events.IncomingEvents;
import org.opencrm.platform.starter.security.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The last step of the customer saga: contacts-service answered {@code contact.upserted} for a shop customer or
 * a converted lead. The customer is linked to the contact (so the customer's later orders get it at once),
 * and so are the deals of the customer's orders and the lead and its deal, where they have no contact yet.
 */
@Component
class CustomerLinks {

    static final String CONSUMER = "customer-link";
    /** The saga's answers; the contact topic's other events (an import's million contact.created) are passed over. */
    private static final Set<String> HANDLED = Set.of(ContactUpserted.TYPE);

    private final IncomingEvents incoming;
    private final IdempotentConsumer inbox;
    private final JdbcTemplate jdbc;
    private final OrderDeals deals;

    CustomerLinks(IncomingEvents incoming, IdempotentConsumer inbox, JdbcTemplate jdbc, OrderDeals deals) {
        this.incoming = incoming;
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.deals = deals;
    }

    @KafkaListener(id = CONSUMER, groupId = "${spring.application.name}." + CONSUMER, topics = Topics.CONTACTS_CONTACT, batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbox.handleAll(records, this::onRecord);
    }

    private void onRecord(ConsumerRecord<String, byte[]> record) {
        incoming.read(record, HANDLED).ifPresent(event -> {
            if (event.data() instanceof ContactUpserted upserted) {
                inbox.handle(CONSUMER, event, e -> link(upserted));
            }
        });
    }

    private void link(ContactUpserted upserted) {
        UUID tenant = TenantContext.require();
        List<UUID> dealIds = new ArrayList<>();
        if (upserted.shopCustomerId() != null) {
            jdbc.update("""
                    update shop_customer set contact_id = ?, updated_at = ?
                    where tenant_id = ? and shop_customer_id = ? and contact_id is distinct from ?
                    """, upserted.contactId(), Timestamp.from(Instant.now()), tenant, upserted.shopCustomerId(),
                    upserted.contactId());
            // the customer's deals not linked yet: a returning customer's earlier orders are linked already
            dealIds.addAll(jdbc.queryForList("""
                    select o.deal_id from shop_order o join shop_customer c on c.id = o.customer_id
                    join deal d on d.id = o.deal_id
                    where c.tenant_id = ? and c.shop_customer_id = ? and d.contact_id is null
                    """, UUID.class, tenant, upserted.shopCustomerId()));
        }
        if (upserted.leadId() != null) {
            jdbc.update("""
                    update lead set contact_id = ?, updated_at = ?, version = version + 1
                    where tenant_id = ? and id = ? and contact_id is null
                    """, upserted.contactId(), Timestamp.from(Instant.now()), tenant, upserted.leadId());
            dealIds.addAll(jdbc.queryForList("select id from deal where tenant_id = ? and lead_id = ?", UUID.class,
                    tenant, upserted.leadId()));
        }
        if (upserted.dealId() != null && !dealIds.contains(upserted.dealId())) {
            // only a deal of this company: the event's tenant decides, never the id alone
            dealIds.addAll(jdbc.queryForList("select id from deal where tenant_id = ? and id = ?", UUID.class, tenant,
                    upserted.dealId()));
        }
        if (!dealIds.isEmpty()) {
            deals.linkContact(dealIds, upserted.contactId());
        }
    }
}
