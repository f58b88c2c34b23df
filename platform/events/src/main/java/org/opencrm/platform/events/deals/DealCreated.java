package org.opencrm.platform.events.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * A deal was opened in a deal pipeline: by hand, from a converted lead ({@code leadId}) or from a shop
 * order ({@code shopOrderId}). {@code title} is null for a deal without a custom title (the web app shows
 * its number and contact).
 *
 * @param status        OPEN, WON or LOST: follows the outcome of the stage
 * @param paymentStatus NOT_PAID, NOT_SELECTED, PAID, SUCCESSFUL, PROVIDER_FAILURE or ERROR
 * @param paymentType   CARD_ONLINE, CARD, BANK_TRANSFER, CASH_ON_DELIVERY, CASH, or null
 */
public record DealCreated(
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
        Instant createdAt,
        long version) implements DomainEvent {

    public static final String TYPE = "deal.created";

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
