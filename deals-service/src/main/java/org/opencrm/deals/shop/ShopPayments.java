package org.opencrm.deals.shop;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opencrm.deals.deal.OrderDeals;
import org.opencrm.deals.shop.ShopPayloads.Outcome;
import org.opencrm.deals.shop.ShopPayloads.PaymentIn;
import org.opencrm.platform.events.deals.PaymentReceived;
import org.opencrm.platform.starter.events.EventPublisher;
import org.opencrm.platform.starter.security.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Payments the shop reports: stored once by the shop's payment id (the same payment again is UNCHANGED), applied
 * to the deal of their order at once (APPLIED), or kept until the order arrives (PENDING, applied by
 * {@link ShopOrders}). A payment older than one already applied to the order (by {@code paidAt}) is stored
 * but does not overwrite the newer status (STALE).
 */
@Service
class ShopPayments {

    private final JdbcTemplate jdbc;
    private final OrderDeals deals;
    private final EventPublisher events;

    ShopPayments(JdbcTemplate jdbc, OrderDeals deals, EventPublisher events) {
        this.jdbc = jdbc;
        this.deals = deals;
        this.events = events;
    }

    @Transactional
    public List<Outcome> store(List<PaymentIn> payments, List<String> currencies) {
        UUID tenant = TenantContext.require();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        List<Outcome> outcomes = new ArrayList<>();
        for (int i = 0; i < payments.size(); i++) {
            PaymentIn p = payments.get(i);
            UUID id = UUID.randomUUID();
            int stored = jdbc.update("""
                    insert into shop_payment (id, tenant_id, shop_payment_id, shop_order_id, status, payment_type, amount,
                        currency, paid_at, received_at)
                    values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    on conflict (tenant_id, shop_payment_id) do nothing
                    """, id, tenant, p.paymentId(), p.orderId(), p.status().name(),
                    p.paymentType() == null ? null : p.paymentType().name(), p.amount(), currencies.get(i),
                    p.paidAt() == null ? null : Timestamp.from(p.paidAt()), Timestamp.from(now));
            if (stored == 0) {
                outcomes.add(Outcome.of(p.paymentId(), "UNCHANGED", null));
                continue;
            }
            List<UUID> deal = jdbc.queryForList("""
                    select deal_id from shop_order where tenant_id = ? and shop_order_id = ? for update
                    """, UUID.class, tenant, p.orderId());
            if (deal.isEmpty()) {
                outcomes.add(Outcome.of(p.paymentId(), "PENDING", null));
                continue;
            }
            jdbc.update("update shop_payment set applied_at = ? where id = ?", Timestamp.from(now), id);
            Integer newer = p.paidAt() == null ? 0 : jdbc.queryForObject("""
                    select count(*) from shop_payment where tenant_id = ? and shop_order_id = ? and id <> ?
                        and applied_at is not null and paid_at > ?
                    """, Integer.class, tenant, p.orderId(), id, Timestamp.from(p.paidAt()));
            if (newer != null && newer > 0) {
                outcomes.add(Outcome.of(p.paymentId(), "STALE", deal.getFirst()));
                continue;
            }
            deals.pay(deal.getFirst(), p.status(), p.paymentType());
            events.publish(new PaymentReceived(deal.getFirst(), p.orderId(), p.paymentId(), p.status().name(),
                    p.paymentType() == null ? null : p.paymentType().name(), p.amount(), currencies.get(i), p.paidAt(),
                    now));
            outcomes.add(Outcome.of(p.paymentId(), "APPLIED", deal.getFirst()));
        }
        return outcomes;
    }
}
