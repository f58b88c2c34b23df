package org.opencrm.platform.events.deals;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * A lead became a deal (`003_*`: a lead turned into an active client). Carries the contact, or the
 * snapshot of who asked when the lead has no contact yet, so that contacts-service can create the contact
 * or mark it an active client without calling back; {@code stage} is the lead's won stage.
 */
public record LeadConverted(
        UUID leadId,
        long number,
        UUID dealId,
        long dealNumber,
        String dealTitle,
        BigDecimal amount,
        String currency,
        UUID contactId,
        String contactName,
        String phone,
        String email,
        UUID companyId,
        UUID ownerId,
        UUID pipelineId,
        StageRef stage,
        String source,
        String sourceDetail,
        UUID campaignId,
        UUID promotionId,
        Instant convertedAt,
        long version) implements DomainEvent {

    public static final String TYPE = "lead.converted";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.DEALS_LEAD;
    }

    @Override
    public String aggregateId() {
        return leadId.toString();
    }
}
