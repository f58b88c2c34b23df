package org.opencrm.platform.events.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * A deal moved from one stage of its pipeline to another (analytics measures time in stage and conversion
 * from these). A move to a won or lost stage is followed by {@link DealWon} or {@link DealLost}.
 *
 * @param outcome the outcome of the stage moved to: OPEN, WON or LOST
 * @param status  the deal's status after the move
 */
public record DealStageChanged(
        UUID dealId,
        long number,
        String title,
        BigDecimal amount,
        String currency,
        UUID contactId,
        UUID companyId,
        UUID ownerId,
        UUID pipelineId,
        StageRef from,
        StageRef to,
        String outcome,
        String status,
        UUID changedBy,
        Instant changedAt,
        long version) implements DomainEvent {

    public static final String TYPE = "deal.stage-changed";

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
