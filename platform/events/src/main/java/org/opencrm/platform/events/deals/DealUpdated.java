package org.opencrm.platform.events.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * A deal's card changed (its fields, lines, amount, owner or payment): its whole state as in
 * {@link DealCreated}, with {@code updatedAt}; keep it only if {@code version} is newer than yours.
 * A move to another stage is {@link DealStageChanged}.
 */
public record DealUpdated(
        UUID dealId,
        long number,
        String title,
        BigDecimal amount,
        String currency,
        UUID contactId,
        String contactName,
        UUID companyId,
        UUID leadId,
        UUID ownerId,
        UUID pipelineId,
        StageRef stage,
        String status,
        String paymentStatus,
        String paymentType,
        String shopOrderId,
        String source,
        String sourceDetail,
        UUID campaignId,
        UUID promotionId,
        String promoCode,
        LocalDate expectedCloseDate,
        String lostReason,
        Instant updatedAt,
        long version) implements DomainEvent {

    public static final String TYPE = "deal.updated";

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
