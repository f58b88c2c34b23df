package org.opencrm.platform.events.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/** An empty department (no members, no sub-departments) was removed from the company structure. */
public record DepartmentDeleted(UUID departmentId, UUID deletedBy, Instant deletedAt) implements DomainEvent {

    public static final String TYPE = "department.deleted";

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
