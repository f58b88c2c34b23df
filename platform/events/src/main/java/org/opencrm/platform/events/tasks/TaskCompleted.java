package org.opencrm.platform.events.tasks;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * A task was done, with the outcome its assignee noted ({@code result}, may be null) and the links it had then
 * (contact, company, deal, lead; each may be null).
 */
public record TaskCompleted(
        UUID taskId,
        String title,
        UUID completedBy,
        Instant completedAt,
        String result,
        UUID contactId,
        UUID companyId,
        UUID dealId,
        UUID leadId) implements DomainEvent {

    public static final String TYPE = "task.completed";

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
