package org.opencrm.platform.events.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/** A deal was lost: it reached a lost stage of its pipeline, with the reason. */
public record DealLost(
        UUID dealId,
        long number,
        String title,
        BigDecimal amount,
        String currency,
        UUID contactId,
        UUID companyId,
        UUID ownerId,
        UUID pipelineId,
        StageRef stage,
        String reason,
        UUID leadId,
        String source,
        UUID campaignId,
        UUID promotionId,
        Instant lostAt,
        long version) implements DomainEvent {

    public static final String TYPE = "deal.lost";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.DEALS_DEAL;
    }

    @Override
    public String aggregateId() {
        return dealId.toString();
    }
}
