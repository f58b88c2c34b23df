package org.opencrm.platform.events.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * An administrator invited someone to the company. {@code acceptPath} (with the single-use token) is what
 * the invitation e-mail links to, relative to the CRM's address. {@code language} (en, ru or uk) is the one the
 * inviting administrator's app spoke, for the e-mail; added later, null in older events.
 */
public record UserInvited(
        UUID invitationId,
        String email,
        String role,
        UUID departmentId,
        UUID invitedBy,
        String acceptPath,
        Instant expiresAt,
        String language) implements DomainEvent {

    public static final String TYPE = "user.invited";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.IDENTITY_USER;
    }

    @Override
    public String aggregateId() {
        return invitationId.toString();
    }
}
