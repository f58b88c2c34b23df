package org.opencrm.platform.events.contacts;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * Two contacts were found to be one person and merged: whatever refers to {@code mergedId} (deals, calls,
 * tasks, chats) should refer to {@code survivorId} from now on. The merged card no longer exists.
 */
public record ContactMerged(UUID survivorId, UUID mergedId, UUID mergedBy, Instant mergedAt) implements DomainEvent {

    public static final String TYPE = "contact.merged";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.CONTACTS_CONTACT;
    }

    /** Keyed by the merged contact, so it follows that contact's last events. */
    @Override
    public String aggregateId() {
        return mergedId.toString();
    }
}
