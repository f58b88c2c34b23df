package org.opencrm.platform.events.contacts;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * Two company cards were found to be one organisation and merged: whatever refers to {@code mergedId}
 * (deals, calls) should refer to {@code survivorId} from now on. The merged card no longer exists.
 */
public record CompanyMerged(UUID survivorId, UUID mergedId, UUID mergedBy, Instant mergedAt) implements DomainEvent {

    public static final String TYPE = "company.merged";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.CONTACTS_COMPANY;
    }

    /** Keyed by the merged company, so it follows that company's last events. */
    @Override
    public String aggregateId() {
        return mergedId.toString();
    }
}
