package org.opencrm.platform.events.deals;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/** A lead was lost (failed): moved to a lost stage of its pipeline with a reason. */
public record LeadLost(
        UUID leadId,
        long number,
        UUID contactId,
        String contactName,
        UUID companyId,
        UUID ownerId,
        UUID pipelineId,
        StageRef stage,
        String reason,
        String source,
        String sourceDetail,
        UUID campaignId,
        UUID promotionId,
        Instant lostAt,
        long version) implements DomainEvent {

    public static final String TYPE = "lead.lost";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.DEALS_LEAD;
    }

    @Override
    public String aggregateId() {
        return leadId.toString();
    }
}
