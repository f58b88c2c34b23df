package org.opencrm.platform.events.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/** A deal was won: it reached the won stage of its pipeline. Carries its attribution (lead, source, campaign). */
public record DealWon(
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
        UUID leadId,
        String source,
        UUID campaignId,
        UUID promotionId,
        Instant wonAt,
        long version) implements DomainEvent {

    public static final String TYPE = "deal.won";

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
