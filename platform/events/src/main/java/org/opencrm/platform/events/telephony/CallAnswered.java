package org.opencrm.platform.events.telephony;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * A ringing call was picked up, by the user of {@code extension} (null when no user is mapped to it).
 * {@code contactId} is the matched contact when exactly one matched.
 */
public record CallAnswered(
        UUID callId,
        String direction,
        String callerNumber,
        String calledNumber,
        String extension,
        UUID userId,
        UUID contactId,
        Instant startedAt,
        Instant answeredAt,
        int waitSeconds) implements DomainEvent {

    public static final String TYPE = "call.answered";

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
