package org.opencrm.platform.events.telephony;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * A call is ringing for a user (the screen pop, `000_*`: the client's card on screen during the conversation).
 * Numbers are E.164 ({@code callerNumber} null for a hidden number). {@code callers} holds every contact whose
 * phone is the caller's, each with the summary the pop-up shows, from telephony's own projections (no
 * synchronous lookup on the ringing path); empty when the number is new. {@code userId} is the user the
 * extension is mapped to, null when no user is.
 */
public record CallRinging(
        UUID callId,
        String direction,
        String callerNumber,
        String calledNumber,
        String extension,
        UUID userId,
        List<CallerCard> callers,
        Instant startedAt) implements DomainEvent {

    public static final String TYPE = "call.ringing";

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
