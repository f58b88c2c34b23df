package org.opencrm.deals.campaign;

import java.time.LocalDate;

/** Where a campaign stands: before its start, running, or after its end (or set so by a marketer). */
public enum CampaignStatus {
    PLANNED, ACTIVE, FINISHED;

    /** The status its dates give on {@code today} ({@code end} null: it runs until finished by hand). */
    static CampaignStatus of(LocalDate start, LocalDate end, LocalDate today) {
        if (today.isBefore(start)) {
            return PLANNED;
        }
        return end != null && today.isAfter(end) ? FINISHED : ACTIVE;
    }
}
