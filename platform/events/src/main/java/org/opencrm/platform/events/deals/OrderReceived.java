package org.opencrm.platform.events.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/** A shop order was stored as a deal of the order funnel, or an order already held changed (firstTime false). Carries the customer, so contacts-service can find or create the contact without calling back; contactId is set once the deal is linked. */
public record OrderReceived(
        UUID dealId,
        long dealNumber,
        String shopOrderId,
        boolean firstTime,
        ShopCustomer customer,
        UUID contactId,
        BigDecimal amount,
        String currency,
        String paymentStatus,
        String paymentType,
        List<OrderLine> lines,
        long shopVersion,
        Instant orderedAt,
        Instant receivedAt) implements DomainEvent {

    public static final String TYPE = "order.received";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.DEALS_ORDER;
    }

    @Override
    public String aggregateId() {
        return dealId.toString();
    }
}
