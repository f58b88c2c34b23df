package org.opencrm.deals.items;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.opencrm.deals.card.CardKind;

/**
 * A row of the list of all leads and deals (`002_*` 2.1.3): which it is, its number, funnel and stage,
 * when it was created, payment status, comment, source detail, responsible; and the client and money the
 * row shows. A seeded pipeline or stage has a code (the web app translates it) until it is given a name.
 */
public record Item(CardKind type, UUID id, long number, String title, String contactName, String phone,
        UUID contactId, UUID companyId, UUID pipelineId, String pipelineCode, String pipelineName, UUID stageId,
        String stageCode, String stageName, String stageOutcome, String status, BigDecimal amount, String currency,
        String paymentStatus, String paymentType, String comment, String source, String sourceDetail, UUID ownerId,
        Instant createdAt, Instant updatedAt, long version) {
}
