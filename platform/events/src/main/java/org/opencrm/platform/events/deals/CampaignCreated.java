package org.opencrm.platform.events.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * A marketer planned an advertising campaign (`003_*`): what it promotes ({@code productId}, a product or
 * service), the channel, the budget spent on it and its period ({@code endDate} null: open). {@code status}
 * is PLANNED, ACTIVE or FINISHED as it stood when the event was written. Leads and deals name it by
 * {@code campaignId}, which is what campaign ROI counts.
 */
public record CampaignCreated(
        UUID campaignId,
        String name,
        UUID productId,
        String channel,
        BigDecimal budget,
        String currency,
        LocalDate startDate,
        LocalDate endDate,
        String status,
        UUID ownerId,
        Instant createdAt,
        long version) implements DomainEvent {

    public static final String TYPE = "campaign.created";

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
