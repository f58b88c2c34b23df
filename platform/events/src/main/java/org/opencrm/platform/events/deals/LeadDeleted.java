package org.opencrm.platform.events.deals;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * A lead was deleted (taken in by mistake): it is gone with its stage history and comments, so a read model
 * forgets it and takes it out of its counts. A converted lead names the deal it became ({@code dealId}), which
 * stays and no longer names the lead.
 */
public record LeadDeleted(
        UUID leadId,
        long number,
        UUID contactId,
        UUID companyId,
        UUID ownerId,
        UUID pipelineId,
        StageRef stage,
        String status,
        UUID dealId,
        String source,
        UUID campaignId,
        UUID promotionId,
        UUID deletedBy,
        Instant deletedAt,
        long version) implements DomainEvent {

    public static final String TYPE = "lead.deleted";

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
