package org.opencrm.deals.lead;

import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * Everything a lead holds, as a client sends it: the body of create, and what a merge patch is applied to.
 * {@code pipelineId} and {@code stageId} place a new lead (the first open stage of the company's first lead
 * pipeline by default); afterwards the lead moves with {@code POST .../move}. {@code version}, when given,
 * must be the lead's current one (a stale edit is 409).
 */
public record LeadState(
        UUID pipelineId,
        UUID stageId,
        UUID contactId,
        @Size(max = 200) String contactName,
        @Size(max = 50) String phone,
        @Size(max = 254) String email,
        UUID companyId,
        @Size(max = 50) String source,
        @Size(max = 200) String sourceDetail,
        UUID campaignId,
        UUID promotionId,
        UUID ownerId,
        @Size(max = 10_000) String comment,
        Long version) {
}
