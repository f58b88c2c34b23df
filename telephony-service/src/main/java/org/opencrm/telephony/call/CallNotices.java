package org.opencrm.telephony.call;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.opencrm.platform.events.telephony.CallAnswered;
import org.opencrm.platform.events.telephony.CallEnded;
import org.opencrm.platform.events.telephony.CallMissed;
import org.opencrm.platform.events.telephony.CallRecordingAvailable;
import org.opencrm.platform.events.telephony.CallRinging;
import org.opencrm.platform.events.telephony.CallerCard;
import org.opencrm.platform.starter.events.EventPublisher;
import org.opencrm.telephony.callers.Callers;
import org.springframework.stereotype.Component;

/**
 * Raises a call's events through the outbox, each at most once per call: {@code call.ringing} while it rings,
 * {@code call.answered}, then exactly one of {@code call.ended} (it was answered) and {@code call.missed}, and
 * {@code call.recording-available}. The flags live on the call row, so a repeated or late exchange event finds
 * its event already raised.
 */
@Component
class CallNotices {

    static final String CALL_CHANNEL = "CALL";

    private final EventPublisher events;
    private final Callers callers;

    CallNotices(EventPublisher events, Callers callers) {
        this.events = events;
        this.callers = callers;
    }

    void ringing(Call call, List<CallerCard> cards) {
        if (call.ringingRaised() || call.status() != CallStatus.RINGING) {
            return;
        }
        call.ringingRaised(true);
        events.publish(new CallRinging(call.id(), call.direction().name(), call.callerNumber(), call.calledNumber(),
                call.extension(), call.userId(), cards, call.startedAt()));
    }

    /** Whatever the call's state now calls for, except call.missed (see {@link MissedCalls}). */
    void follow(Call call) {
        if (call.answeredAt() != null && !call.answeredRaised() && call.outcomeRaised() == null) {
            call.answeredRaised(true);
            events.publish(new CallAnswered(call.id(), call.direction().name(), call.callerNumber(),
                    call.calledNumber(), call.extension(), call.userId(), call.contactId(), call.startedAt(),
                    call.answeredAt(), call.waitSeconds()));
        }
        if (call.status() == CallStatus.ENDED && call.outcomeRaised() == null) {
            call.outcomeRaised(CallStatus.ENDED);
            events.publish(new CallEnded(call.id(), call.direction().name(), call.callerNumber(), call.calledNumber(),
                    call.extension(), call.userId(), call.contactId(), matched(call), call.contactName(),
                    call.startedAt(), call.answeredAt(), call.endedAt(), call.waitSeconds(), call.talkSeconds()));
            touch(call);
        }
        recording(call);
    }

    void missed(Call call) {
        if (call.status() != CallStatus.MISSED || call.outcomeRaised() != null) {
            return;
        }
        call.outcomeRaised(CallStatus.MISSED);
        events.publish(new CallMissed(call.id(), call.direction().name(), call.callerNumber(), call.calledNumber(),
                call.extension(), call.userId(), call.contactId(), matched(call), call.contactName(),
                call.startedAt(), call.endedAt(), call.waitSeconds()));
        touch(call);
    }

    void recording(Call call) {
        if (call.hasRecording() && !call.recordingRaised()) {
            call.recordingRaised(true);
            Integer seconds = call.recordingSeconds() != null ? call.recordingSeconds()
                    : call.talkSeconds() > 0 ? Integer.valueOf(call.talkSeconds()) : null;
            events.publish(new CallRecordingAvailable(call.id(), call.contactId(), call.userId(),
                    call.recordingStored() ? "STORED" : "EXCHANGE", seconds, Instant.now()));
        }
    }

    private void touch(Call call) {
        List<java.util.UUID> cards = new java.util.ArrayList<>(matched(call));
        if (call.companyId() != null) {
            cards.add(call.companyId());
        }
        callers.touched(cards, call.startedAt(), CALL_CHANNEL);
    }

    private static List<java.util.UUID> matched(Call call) {
        return Arrays.asList(call.matchedContactIds());
    }
}
