package org.opencrm.telephony.call;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** A call as the call log and the contact card's calls tab show it. */
public record CallView(UUID id, String exchangeCallId, String direction, String status, String callerNumber,
        String calledNumber, String extension, UUID userId, UUID contactId, String contactName,
        List<UUID> matchedContactIds, UUID companyId, Instant startedAt, Instant answeredAt, Instant endedAt,
        int waitSeconds, int talkSeconds, boolean hasRecording) {

    static CallView of(Call call) {
        return new CallView(call.id(), call.exchangeCallId(), call.direction().name(), call.status().name(),
                call.callerNumber(), call.calledNumber(), call.extension(), call.userId(), call.contactId(),
                call.contactName(), Arrays.asList(call.matchedContactIds()), call.companyId(), call.startedAt(),
                call.answeredAt(), call.endedAt(), call.waitSeconds(), call.talkSeconds(), call.hasRecording());
    }
}
