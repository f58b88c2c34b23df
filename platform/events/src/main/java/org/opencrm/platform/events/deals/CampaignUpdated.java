package org.opencrm.platform.events.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * A campaign changed (its name, product, channel, budget, period, status or owner): its whole state as in
 * {@link CampaignCreated}, with {@code updatedAt}; keep it only if {@code version} is newer than yours.
 */
public record CampaignUpdated(
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
        Instant updatedAt,
        long version) implements DomainEvent {

    public static final String TYPE = "campaign.updated";

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
