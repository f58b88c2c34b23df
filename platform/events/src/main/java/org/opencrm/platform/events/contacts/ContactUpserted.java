package org.opencrm.platform.events.contacts;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/** The answer of the customer saga: contacts-service found (created false) or created the contact for a shop customer (order.received) or a converted lead (lead.converted), and names the reference it answered, so deals-service links the order or the lead to the contact. */
public record ContactUpserted(
        UUID contactId,
        boolean created,
        String status,
        String matchedBy,
        String shopCustomerId,
        String shopOrderId,
        UUID dealId,
        UUID leadId,
        Instant at) implements DomainEvent {

    public static final String TYPE = "contact.upserted";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.CONTACTS_CONTACT;
    }

    @Override
    public String aggregateId() {
        return contactId.toString();
    }
}
