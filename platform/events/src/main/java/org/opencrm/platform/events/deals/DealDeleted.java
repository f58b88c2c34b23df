package org.opencrm.platform.events.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * A deal was deleted (opened by mistake): it is gone with its lines, stage history and comments, so a read
 * model forgets it and takes its amount out of its sums. The lead it came from ({@code leadId}) stays and no
 * longer names it. A shop order's deal is never deleted.
 */
public record DealDeleted(
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
        String status,
        UUID leadId,
        String source,
        UUID campaignId,
        UUID promotionId,
        UUID deletedBy,
        Instant deletedAt,
        long version) implements DomainEvent {

    public static final String TYPE = "deal.deleted";

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
