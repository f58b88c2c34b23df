package org.opencrm.platform.events.contacts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * A contact (a person or a legal entity) was added to the company's client base. {@code phones} are
 * E.164 (telephony matches callers by them), {@code emails} lower-cased; {@code email} and {@code phone}
 * are the primary ones. The fields after {@code createdAt} were added later; older events lack them.
 */
public record ContactCreated(
        UUID contactId,
        String firstName,
        String lastName,
        String email,
        String phone,
        UUID ownerId,
        Instant createdAt,
        String middleName,
        String kind,
        String status,
        boolean vip,
        List<String> tags,
        List<String> phones,
        List<String> emails,
        long version) implements DomainEvent {

    public static final String TYPE = "contact.created";

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
