package org.opencrm.platform.events.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/** A user can now sign in: the company's first administrator at sign-up, or an invitee who accepted. */
public record UserActivated(
        UUID userId,
        String email,
        String firstName,
        String lastName,
        String role,
        UUID departmentId,
        Instant activatedAt) implements DomainEvent {

    public static final String TYPE = "user.activated";

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
        return userId.toString();
    }
}
