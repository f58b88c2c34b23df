package org.opencrm.platform.events.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * A department was created or changed (name, place in the company structure, head): its whole state.
 * Keep it only if {@code version} is newer than the one you hold.
 */
public record DepartmentChanged(UUID departmentId, String name, UUID parentId, UUID headUserId, long version,
        Instant changedAt) implements DomainEvent {

    public static final String TYPE = "department.changed";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.IDENTITY_DEPARTMENT;
    }

    @Override
    public String aggregateId() {
        return departmentId.toString();
    }
}
