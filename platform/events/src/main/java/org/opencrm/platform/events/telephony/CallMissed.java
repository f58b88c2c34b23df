package org.opencrm.platform.events.telephony;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * A call nobody answered (`002_*` 3.4): an incoming one that rang out or was hung up while waiting, or an
 * outgoing one the client did not take. Numbers are E.164; the caller is matched to the company's contacts
 * from telephony's own projection of their phones (several may share a number: all are listed, and
 * {@code contactId} is set only when exactly one matched).
 */
public record CallMissed(
        UUID callId,
        String direction,
        String callerNumber,
        String calledNumber,
        String extension,
        UUID userId,
        UUID contactId,
        List<UUID> matchedContactIds,
        String contactName,
        Instant startedAt,
        Instant endedAt,
        int waitSeconds) implements DomainEvent {

    public static final String TYPE = "call.missed";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.TELEPHONY_CALL;
    }

    @Override
    public String aggregateId() {
        return callId.toString();
    }
}
