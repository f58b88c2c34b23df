package org.opencrm.platform.events.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/** A user's profile, role or department changed; the record carries the whole current state. */
public record UserUpdated(
        UUID userId,
        String email,
        String firstName,
        String lastName,
        String patronymic,
        String role,
        UUID departmentId,
        String workPhone,
        String pbxExtension,
        String position,
        Instant updatedAt) implements DomainEvent {

    public static final String TYPE = "user.updated";

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
