package org.opencrm.platform.events.telephony;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * What the incoming-call pop-up shows of one contact the caller's number matched: the name, the company, the
 * responsible user and VIP flag, the open deals (their count and their sums, one per currency) and the last
 * interaction telephony knows of (the last call, deal or order, with its channel).
 */
public record CallerCard(
        UUID contactId,
        String name,
        UUID companyId,
        String companyName,
        UUID ownerId,
        boolean vip,
        int openDeals,
        List<Amount> openDealsTotals,
        Instant lastInteractionAt,
        String lastInteractionChannel) {

    /** A sum in one currency (ISO 4217). */
    public record Amount(BigDecimal amount, String currency) {
    }
}
