package org.opencrm.platform.events.contacts;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * An import of contacts or companies ended: {@code status} {@code COMPLETED}, {@code FAILED} or
 * {@code CANCELLED} (a failed or cancelled one wrote nothing). {@code requestedBy} is the user who started it,
 * who is told; {@code entity} is {@code CONTACT} or {@code COMPANY}.
 */
public record ImportFinished(
        UUID importId,
        String entity,
        String fileName,
        UUID requestedBy,
        String status,
        long created,
        long updated,
        long skipped,
        long rejected,
        Instant finishedAt) implements DomainEvent {

    public static final String TYPE = "import.finished";

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
        return importId.toString();
    }
}
