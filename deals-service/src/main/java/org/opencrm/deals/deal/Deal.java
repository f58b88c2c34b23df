package org.opencrm.deals.deal;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.OrderColumn;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * A deal (`002_*` 2.1.2, 2.1.11, 2.2.3): what a client buys, worked through the stages of a deal pipeline
 * until won or lost. Its status follows the outcome of its stage; with lines, its amount is their total.
 */
@Entity
@Table(name = "deal")
class Deal {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false, updatable = false)
    private long number;

    private String title;

    @Column(nullable = false)
    private BigDecimal amount;

    @Column(nullable = false)
    private String currency;

    @Column(name = "pipeline_id", nullable = false)
    private UUID pipelineId;

    @Column(name = "stage_id", nullable = false)
    private UUID stageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private DealStatus status;

    @Column(name = "owner_id")
    private UUID ownerId;

    @Column(name = "contact_id")
    private UUID contactId;

    @Column(name = "contact_name")
    private String contactName;

    @Column(name = "company_id")
    private UUID companyId;

    @Column(name = "lead_id")
    private UUID leadId;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_status", nullable = false)
    private PaymentStatus paymentStatus;

    @Enumerated(EnumType.STRING)
    @Column(name = "payment_type")
    private PaymentType paymentType;

    @Column(name = "shop_order_id")
    private String shopOrderId;

    @Column(name = "expected_close_date")
    private LocalDate expectedCloseDate;

    @Column(name = "lost_reason")
    private String lostReason;

    private String source;

    @Column(name = "source_detail")
    private String sourceDetail;

    @Column(name = "campaign_id")
    private UUID campaignId;

    @Column(name = "promotion_id")
    private UUID promotionId;

    @Column(name = "promo_code")
    private String promoCode;

    private String comment;

    @ElementCollection(fetch = FetchType.LAZY)
    @CollectionTable(name = "deal_line", joinColumns = @JoinColumn(name = "deal_id"))
    @OrderColumn(name = "position")
    private List<DealLine> lines = new ArrayList<>();

    @Column(name = "created_by", updatable = false)
    private UUID createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private long version;

    protected Deal() {
    }

    Deal(long number, UUID leadId, UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.number = number;
        this.leadId = leadId;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** What the card holds, besides its place in the pipeline ({@link #moveTo}). */
    record Fields(String title, BigDecimal amount, String currency, UUID ownerId, UUID contactId, String contactName,
            UUID companyId, PaymentStatus paymentStatus, PaymentType paymentType, String shopOrderId,
            LocalDate expectedCloseDate, String lostReason, String source, String sourceDetail, UUID campaignId,
            UUID promotionId, String promoCode, String comment, List<DealLine> lines) {
    }

    void apply(Fields f, Instant now) {
        this.title = f.title();
        this.amount = f.amount();
        this.currency = f.currency();
        this.ownerId = f.ownerId();
        this.contactId = f.contactId();
        this.contactName = f.contactName();
        this.companyId = f.companyId();
        this.paymentStatus = f.paymentStatus();
        this.paymentType = f.paymentType();
        this.shopOrderId = f.shopOrderId();
        this.expectedCloseDate = f.expectedCloseDate();
        this.lostReason = status == DealStatus.LOST ? f.lostReason() : null;
        this.source = f.source();
        this.sourceDetail = f.sourceDetail();
        this.campaignId = f.campaignId();
        this.promotionId = f.promotionId();
        this.promoCode = f.promoCode();
        this.comment = f.comment();
        if (!sameLines(f.lines())) {
            this.lines.clear();
            this.lines.addAll(f.lines());
        }
        this.updatedAt = now;
    }

    /** Stands in another stage now, its status following the stage's outcome (a lost one with its reason). */
    void moveTo(UUID pipelineId, UUID stageId, DealStatus status, String lostReason, Instant now) {
        boolean closes = status != DealStatus.OPEN && this.status != status;
        this.pipelineId = pipelineId;
        this.stageId = stageId;
        this.status = status;
        this.lostReason = status == DealStatus.LOST ? lostReason : null;
        this.closedAt = status == DealStatus.OPEN ? null : closes || closedAt == null ? now : closedAt;
        this.updatedAt = now;
    }

    /** The lead it came from was deleted: the deal stays, no longer naming it. */
    void forgetLead(Instant now) {
        this.leadId = null;
        this.updatedAt = now;
    }

    /** Lines replaced by equal ones are kept as they are, so that an unchanged card stays unchanged. */
    private boolean sameLines(List<DealLine> other) {
        if (other.size() != lines.size()) {
            return false;
        }
        for (int i = 0; i < other.size(); i++) {
            DealLine a = lines.get(i);
            DealLine b = other.get(i);
            if (!a.productId().equals(b.productId()) || !a.name().equals(b.name())
                    || a.quantity().compareTo(b.quantity()) != 0 || a.unitPrice().compareTo(b.unitPrice()) != 0
                    || a.discountPercent().compareTo(b.discountPercent()) != 0) {
                return false;
            }
        }
        return true;
    }

    UUID id() {
        return id;
    }

    long number() {
        return number;
    }

    String title() {
        return title;
    }

    BigDecimal amount() {
        return amount;
    }

    String currency() {
        return currency;
    }

    UUID pipelineId() {
        return pipelineId;
    }

    UUID stageId() {
        return stageId;
    }

    DealStatus status() {
        return status;
    }

    UUID ownerId() {
        return ownerId;
    }

    UUID contactId() {
        return contactId;
    }

    String contactName() {
        return contactName;
    }

    UUID companyId() {
        return companyId;
    }

    UUID leadId() {
        return leadId;
    }

    PaymentStatus paymentStatus() {
        return paymentStatus;
    }

    PaymentType paymentType() {
        return paymentType;
    }

    String shopOrderId() {
        return shopOrderId;
    }

    LocalDate expectedCloseDate() {
        return expectedCloseDate;
    }

    String lostReason() {
        return lostReason;
    }

    String source() {
        return source;
    }

    String sourceDetail() {
        return sourceDetail;
    }

    UUID campaignId() {
        return campaignId;
    }

    UUID promotionId() {
        return promotionId;
    }

    String promoCode() {
        return promoCode;
    }

    String comment() {
        return comment;
    }

    List<DealLine> lines() {
        return List.copyOf(lines);
    }

    UUID createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    Instant closedAt() {
        return closedAt;
    }

    long version() {
        return version;
    }
}
