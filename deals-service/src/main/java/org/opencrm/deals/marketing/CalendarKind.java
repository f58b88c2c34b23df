package org.opencrm.deals.marketing;

import java.util.Arrays;
import java.util.Optional;

/** What the marketing calendar shows (`002_*` 2.1.4-2.1.7), each kind of which can be hidden. */
public enum CalendarKind {
    PROMOTION("promotion"), DISCOUNT("discount"), PROMO_CODE("promo-code"), CAMPAIGN("campaign");

    private final String code;

    CalendarKind(String code) {
        this.code = code;
    }

    /** The name in the query string and in the answer. */
    public String code() {
        return code;
    }

    static Optional<CalendarKind> of(String code) {
        return Arrays.stream(values()).filter(k -> k.code.equalsIgnoreCase(code.strip())).findFirst();
    }
}
