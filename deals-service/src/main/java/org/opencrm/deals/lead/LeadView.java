package org.opencrm.deals.lead;

import java.time.Instant;
import java.util.UUID;

/** A lead as the API shows it; {@code number} is shown as #123, {@code phone} is E.164. */
public record LeadView(UUID id, long number, UUID pipelineId, UUID stageId, LeadStatus status, UUID contactId,
        String contactName, String phone, String email, UUID companyId, String source, String sourceDetail,
        UUID campaignId, UUID promotionId, UUID ownerId, String comment, String lostReason, UUID dealId,
        UUID createdBy, Instant createdAt, Instant updatedAt, Instant closedAt, long version) {

    static LeadView of(Lead l) {
        return new LeadView(l.id(), l.number(), l.pipelineId(), l.stageId(), l.status(), l.contactId(), l.contactName(),
                l.phone(), l.email(), l.companyId(), l.source(), l.sourceDetail(), l.campaignId(), l.promotionId(),
                l.ownerId(), l.comment(), l.lostReason(), l.dealId(), l.createdBy(), l.createdAt(), l.updatedAt(),
                l.closedAt(), l.version());
    }
}
