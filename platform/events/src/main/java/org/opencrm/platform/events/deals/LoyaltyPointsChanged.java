package org.opencrm.platform.events.deals;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/** Bonus points of a loyalty programme (`002_*` 2.1.23) were earned (delta above zero) or spent (below zero); balance is the total after it. customerId is deals-service's id of the shop customer; contactId is set once linked. */
public record LoyaltyPointsChanged(
        UUID entryId,
        UUID customerId,
        String shopCustomerId,
        UUID contactId,
        long delta,
        long balance,
        String reason,
        String shopOrderId,
        Instant at) implements DomainEvent {

    public static final String TYPE = "loyalty.points-changed";

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
        return customerId.toString();
    }
}
