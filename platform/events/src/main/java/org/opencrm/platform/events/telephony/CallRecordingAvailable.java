package org.opencrm.platform.events.telephony;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * A call's recording can be played: either at the exchange's own address ({@code source} {@code EXCHANGE}) or
 * stored by telephony-service ({@code STORED}); either way it is played through
 * {@code /api/telephony/calls/{callId}/recording}, by users who may see the call.
 */
public record CallRecordingAvailable(
        UUID callId,
        UUID contactId,
        UUID userId,
        String source,
        Integer durationSeconds,
        Instant availableAt) implements DomainEvent {

    public static final String TYPE = "call.recording-available";

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
