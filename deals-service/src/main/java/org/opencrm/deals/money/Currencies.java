package org.opencrm.deals.money;

import java.util.Currency;
import java.util.Locale;
import org.opencrm.platform.starter.web.InvalidFieldsException;

/** Currencies as deals and products keep them: ISO 4217 codes, upper case, checked by {@link Currency}. */
public final class Currencies {

    private Currencies() {
    }

    /** The code, upper-cased, or {@code fallback} when none is given; 400 naming the field for a code that is not ISO 4217. */
    public static String code(String typed, String fallback, String field) {
        if (typed == null || typed.isBlank()) {
            return fallback;
        }
        String code = typed.strip().toUpperCase(Locale.ROOT);
        try {
            if (code.length() == 3 && Currency.getInstance(code) != null) {
                return code;
            }
        } catch (IllegalArgumentException e) {
            // not a currency: answered below
        }
        throw InvalidFieldsException.of(field, "is not an ISO 4217 currency code");
    }
}
