package org.opencrm.platform.events.tasks;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * A task was created (`002_*` 2.1.12), possibly linked to what it concerns: a client's card, "created and linked
 * to this client / this company" (`002_*` 2.1.21, 2.1.22), a deal or a lead. Every link, the due time and the
 * assignee may be null.
 */
public record TaskCreated(
        UUID taskId,
        String title,
        Instant dueAt,
        UUID assigneeId,
        UUID contactId,
        UUID companyId,
        UUID dealId,
        UUID leadId,
        Instant createdAt) implements DomainEvent {

    public static final String TYPE = "task.created";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.TASKS_TASK;
    }

    @Override
    public String aggregateId() {
        return taskId.toString();
    }
}
