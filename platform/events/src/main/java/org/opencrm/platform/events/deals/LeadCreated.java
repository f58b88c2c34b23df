package org.opencrm.platform.events.deals;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * A lead (a potential client's request) entered a lead pipeline. Until the lead is linked to a contact
 * ({@code contactId} null) it carries a snapshot of who asked: name, phone (E.164), e-mail.
 *
 * @param number       the lead's number in its company (shown as #123)
 * @param source       where it came from: a code such as facebook, google, incoming-call, missed-call, web-form, shop
 * @param sourceDetail the detail of the source, e.g. "FB - Саморезы"
 */
public record LeadCreated(
        UUID leadId,
        long number,
        UUID pipelineId,
        StageRef stage,
        UUID contactId,
        String contactName,
        String phone,
        String email,
        UUID companyId,
        UUID ownerId,
        String source,
        String sourceDetail,
        UUID campaignId,
        UUID promotionId,
        Instant createdAt,
        long version) implements DomainEvent {

    public static final String TYPE = "lead.created";

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
