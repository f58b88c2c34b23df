package org.opencrm.platform.events.deals;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/** A return (`002_*` 2.1.16) of items of a shop order was approved by a manager. */
public record ReturnApproved(
        UUID returnId,
        UUID dealId,
        String shopOrderId,
        String shopReturnId,
        UUID contactId,
        String reason,
        String comment,
        List<ReturnItem> items,
        String status,
        UUID decidedBy,
        Instant at) implements DomainEvent {

    public static final String TYPE = "return.approved";

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
