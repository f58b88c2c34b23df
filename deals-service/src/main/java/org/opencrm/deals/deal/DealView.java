package org.opencrm.deals.deal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A deal as the API shows it, with its lines. */
public record DealView(UUID id, long number, String title, BigDecimal amount, String currency, UUID pipelineId,
        UUID stageId, DealStatus status, UUID ownerId, UUID contactId, String contactName, UUID companyId, UUID leadId,
        PaymentStatus paymentStatus, PaymentType paymentType, String shopOrderId, LocalDate expectedCloseDate,
        String lostReason, String source, String sourceDetail, UUID campaignId, UUID promotionId, String promoCode,
        String comment, List<LineView> lines, UUID createdBy, Instant createdAt, Instant updatedAt, Instant closedAt,
        long version) {

    /** A line as the API shows it. */
    public record LineView(UUID id, UUID productId, String name, BigDecimal quantity, BigDecimal unitPrice,
            BigDecimal discountPercent, BigDecimal total) {
    }

    static DealView of(Deal d) {
        return new DealView(d.id(), d.number(), d.title(), d.amount(), d.currency(), d.pipelineId(), d.stageId(),
                d.status(), d.ownerId(), d.contactId(), d.contactName(), d.companyId(), d.leadId(), d.paymentStatus(),
                d.paymentType(), d.shopOrderId(), d.expectedCloseDate(), d.lostReason(), d.source(), d.sourceDetail(),
                d.campaignId(), d.promotionId(), d.promoCode(), d.comment(),
                d.lines().stream().map(l -> new LineView(l.lineId(), l.productId(), l.name(), l.quantity(),
                        l.unitPrice(), l.discountPercent(), l.lineTotal())).toList(),
                d.createdBy(), d.createdAt(), d.updatedAt(), d.closedAt(), d.version());
    }
}
