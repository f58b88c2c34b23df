package org.opencrm.deals.lead;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/**
 * A lead (`002_*` 2.1.1): a potential client's request, worked through the stages of a lead pipeline
 * until it is converted into a deal or lost. Until it is linked to a contact it keeps who asked.
 */
@Entity
@Table(name = "lead")
class Lead {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false, updatable = false)
    private long number;

    @Column(name = "pipeline_id", nullable = false)
    private UUID pipelineId;

    @Column(name = "stage_id", nullable = false)
    private UUID stageId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private LeadStatus status;

    @Column(name = "contact_id")
    private UUID contactId;

    @Column(name = "contact_name")
    private String contactName;

    private String phone;

    private String email;

    @Column(name = "company_id")
    private UUID companyId;

    private String source;

    @Column(name = "source_detail")
    private String sourceDetail;

    @Column(name = "campaign_id")
    private UUID campaignId;

    @Column(name = "promotion_id")
    private UUID promotionId;

    @Column(name = "owner_id")
    private UUID ownerId;

    private String comment;

    @Column(name = "lost_reason")
    private String lostReason;

    @Column(name = "deal_id")
    private UUID dealId;

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

    protected Lead() {
    }

    Lead(long number, UUID pipelineId, UUID stageId, UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.number = number;
        this.pipelineId = pipelineId;
        this.stageId = stageId;
        this.status = LeadStatus.OPEN;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.updatedAt = now;
    }

    /** Replaces what the card holds (not its place in the pipeline: see {@link #moveTo}). */
    void apply(LeadState state, String phone, String email, Instant now) {
        this.contactId = state.contactId();
        this.contactName = blankToNull(state.contactName());
        this.phone = phone;
        this.email = email;
        this.companyId = state.companyId();
        this.source = blankToNull(state.source());
        this.sourceDetail = blankToNull(state.sourceDetail());
        this.campaignId = state.campaignId();
        this.promotionId = state.promotionId();
        this.ownerId = state.ownerId();
        this.comment = blankToNull(state.comment());
        this.updatedAt = now;
    }

    /** Stands in another stage now: open (worked on, any earlier loss forgotten) or lost with a reason. */
    void moveTo(UUID pipelineId, UUID stageId, LeadStatus status, String lostReason, Instant now) {
        this.pipelineId = pipelineId;
        this.stageId = stageId;
        this.status = status;
        this.lostReason = status == LeadStatus.LOST ? lostReason : null;
        this.closedAt = status == LeadStatus.OPEN ? null : now;
        this.updatedAt = now;
    }

    /** Became a deal: it stands in its pipeline's won stage from now on. */
    void convert(UUID dealId, UUID wonStageId, Instant now) {
        moveTo(pipelineId, wonStageId, LeadStatus.CONVERTED, null, now);
        this.dealId = dealId;
    }

    /** The deal it became was deleted: the lead stays converted, no longer naming it. */
    void forgetDeal(Instant now) {
        this.dealId = null;
        this.updatedAt = now;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    UUID id() {
        return id;
    }

    long number() {
        return number;
    }

    UUID pipelineId() {
        return pipelineId;
    }

    UUID stageId() {
        return stageId;
    }

    LeadStatus status() {
        return status;
    }

    UUID contactId() {
        return contactId;
    }

    String contactName() {
        return contactName;
    }

    String phone() {
        return phone;
    }

    String email() {
        return email;
    }

    UUID companyId() {
        return companyId;
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

    UUID ownerId() {
        return ownerId;
    }

    String comment() {
        return comment;
    }

    String lostReason() {
        return lostReason;
    }

    UUID dealId() {
        return dealId;
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
