package org.opencrm.platform.events.telephony;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * An answered call is over (a call nobody answered ends with {@code call.missed} instead, never with both).
 * {@code contactId} is set when exactly one contact matched; {@code matchedContactIds} lists every match.
 */
public record CallEnded(
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
        Instant answeredAt,
        Instant endedAt,
        int waitSeconds,
        int talkSeconds) implements DomainEvent {

    public static final String TYPE = "call.ended";

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
