package org.opencrm.platform.events.deals;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/** A campaign no lead or deal named was deleted (one that has any is finished instead): forget it. */
public record CampaignDeleted(UUID campaignId, UUID deletedBy, Instant deletedAt) implements DomainEvent {

    public static final String TYPE = "campaign.deleted";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.DEALS_CAMPAIGN;
    }

    @Override
    public String aggregateId() {
        return campaignId.toString();
    }
}
