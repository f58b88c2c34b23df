package org.opencrm.platform.events.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/** A payment the shop reported was applied to the deal of its order (at once, or when an order that came later arrived). */
public record PaymentReceived(
        UUID dealId,
        String shopOrderId,
        String shopPaymentId,
        String paymentStatus,
        String paymentType,
        BigDecimal amount,
        String currency,
        Instant paidAt,
        Instant receivedAt) implements DomainEvent {

    public static final String TYPE = "payment.received";

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
