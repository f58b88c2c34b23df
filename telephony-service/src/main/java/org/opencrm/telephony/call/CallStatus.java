package org.opencrm.telephony.call;

/** Where a call stands: ringing, being talked, over after a talk (ENDED) or over unanswered (MISSED). */
public enum CallStatus {
    RINGING, ANSWERED, ENDED, MISSED
}
