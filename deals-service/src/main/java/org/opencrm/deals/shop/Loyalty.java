package org.opencrm.deals.shop;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.opencrm.deals.access.Access;
import org.opencrm.deals.shop.ShopPayloads.CustomerIn;
import org.opencrm.deals.shop.ShopPayloads.LoyaltyIn;
import org.opencrm.deals.shop.ShopPayloads.Outcome;
import org.opencrm.platform.events.deals.LoyaltyPointsChanged;
import org.opencrm.platform.starter.events.EventPublisher;
import org.opencrm.platform.starter.security.TenantContext;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The loyalty programme's ledger (`002_*` 2.1.23): bonus points a shop customer earned or spent, fed by the
 * shop, each entry once (by the shop's entry id), with the balance after it; a contact's card shows the
 * entries of the shop customers linked to it. Spending more than the balance is refused.
 */
@Service
class Loyalty {

    record Entry(UUID id, String shopCustomerId, long points, long balance, String reason, String orderId, Instant at) {
    }

    record Card(UUID contactId, long balance, List<Entry> entries) {
    }

    private final JdbcTemplate jdbc;
    private final ShopCustomers customers;
    private final EventPublisher events;
    private final Access access;

    Loyalty(JdbcTemplate jdbc, ShopCustomers customers, EventPublisher events, Access access) {
        this.jdbc = jdbc;
        this.customers = customers;
        this.events = events;
        this.access = access;
    }

    @Transactional
    public Outcome fromShop(LoyaltyIn in) {
        if (in.points() == 0) {
            throw InvalidFieldsException.of("points", "must not be zero");
        }
        UUID tenant = TenantContext.require();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        ShopCustomers.Row customer = customers.upsert(List.of(new CustomerIn(in.customerId(), null, null, null)), now)
                .get(in.customerId());
        // one entry at a time per customer, so that each balance follows the one before it
        jdbc.queryForObject("select id from shop_customer where id = ? for update", UUID.class, customer.id());
        if (!jdbc.queryForList("select id from loyalty_entry where tenant_id = ? and shop_entry_id = ?", UUID.class,
                tenant, in.entryId()).isEmpty()) {
            return Outcome.of(in.entryId(), "UNCHANGED", null);
        }
        Long before = jdbc.queryForObject("select coalesce(sum(delta), 0) from loyalty_entry where customer_id = ?",
                Long.class, customer.id());
        long balance = before + in.points();
        if (balance < 0) {
            throw InvalidFieldsException.of("points", "spends more than the customer's balance (" + before + ")");
        }
        UUID id = UUID.randomUUID();
        jdbc.update("""
                insert into loyalty_entry (id, tenant_id, customer_id, shop_entry_id, delta, balance, reason, shop_order_id,
                    created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, id, tenant, customer.id(), in.entryId(), in.points(), balance, blankToNull(in.reason()),
                blankToNull(in.orderId()), Timestamp.from(now));
        events.publish(new LoyaltyPointsChanged(id, customer.id(), in.customerId(), customer.contactId(), in.points(),
                balance, blankToNull(in.reason()), blankToNull(in.orderId()), now));
        return Outcome.of(in.entryId(), "CREATED", null);
    }

    /** The contact's ledger, newest first, and its balance (over every shop customer linked to the contact). */
    @Transactional(readOnly = true)
    public Card card(UUID contactId) {
        access.visibility();
        List<Entry> entries = jdbc.query("""
                select e.id, c.shop_customer_id, e.delta, e.balance, e.reason, e.shop_order_id, e.created_at
                from loyalty_entry e join shop_customer c on c.id = e.customer_id
                where c.tenant_id = ? and c.contact_id = ?
                order by e.created_at desc, e.id desc limit 500
                """, (row, n) -> new Entry(row.getObject(1, UUID.class), row.getString(2), row.getLong(3), row.getLong(4),
                row.getString(5), row.getString(6), row.getTimestamp(7).toInstant()), TenantContext.require(), contactId);
        Long balance = jdbc.queryForObject("""
                select coalesce(sum(e.delta), 0) from loyalty_entry e join shop_customer c on c.id = e.customer_id
                where c.tenant_id = ? and c.contact_id = ?
                """, Long.class, TenantContext.require(), contactId);
        return new Card(contactId, balance, entries);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
