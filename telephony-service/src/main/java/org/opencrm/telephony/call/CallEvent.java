package org.opencrm.telephony.call;

import java.time.Instant;

/**
 * One fact about a call, as an exchange adapter read it from the exchange's webhook: the call's own language,
 * whatever the exchange's format. Numbers are E.164 already (null: hidden or not a number of the outside world).
 *
 * @param dedupeKey       identifies this fact: the same key again is a repeat and changes nothing
 * @param exchangeCallId  the exchange's id of the call, unique within the company
 * @param type            what happened
 * @param direction       INBOUND or OUTBOUND; null when the event does not say
 * @param callerNumber    who called
 * @param calledNumber    the number called (the company's line, or the client for an outgoing call)
 * @param extension       the extension it rang on or was answered at; null when the event does not say
 * @param occurredAt      when it happened at the exchange
 * @param recordingUrl    where the exchange keeps the recording (RECORDING)
 * @param recordingSeconds how long the recording is, if the exchange said
 */
public record CallEvent(String dedupeKey, String exchangeCallId, Type type, Direction direction, String callerNumber,
        String calledNumber, String extension, Instant occurredAt, String recordingUrl, Integer recordingSeconds) {

    /** What happened to the call. */
    public enum Type {
        RINGING, ANSWERED, ENDED, RECORDING
    }

    /** Who called whom. */
    public enum Direction {
        INBOUND, OUTBOUND
    }
}
