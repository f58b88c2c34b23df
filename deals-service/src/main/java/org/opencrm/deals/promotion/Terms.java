package org.opencrm.deals.promotion;

import java.math.BigDecimal;
import java.util.List;
import org.opencrm.deals.money.Currencies;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.ProblemDetailsAdvice.FieldProblem;

/** The checks an offer's mechanic puts on its value and currency, shared by promotions and promo codes. */
final class Terms {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private Terms() {
    }

    /** The currency to keep (upper case, null unless a fixed amount); adds a problem per wrong field. */
    static String check(Mechanic mechanic, BigDecimal value, String currency, String fallbackCurrency,
            List<FieldProblem> problems) {
        if (mechanic == null) {
            return null;
        }
        if (value != null && value.signum() < 0) {
            problems.add(new FieldProblem("value", "must not be negative"));
        }
        switch (mechanic) {
            case PERCENT -> {
                if (value == null) {
                    problems.add(new FieldProblem("value", "is required for a percent off"));
                } else if (value.compareTo(HUNDRED) > 0) {
                    problems.add(new FieldProblem("value", "must be at most 100 (percent)"));
                }
            }
            case FIXED_AMOUNT -> {
                if (value == null) {
                    problems.add(new FieldProblem("value", "is required for an amount off"));
                }
                try {
                    return Currencies.code(currency, fallbackCurrency, "currency");
                } catch (InvalidFieldsException e) {
                    problems.addAll(e.errors());
                    return null;
                }
            }
            case BUNDLE -> {
                if (value != null && (value.signum() <= 0 || value.stripTrailingZeros().scale() > 0)) {
                    problems.add(new FieldProblem("value", "must be a whole number of items paid for"));
                }
            }
            default -> {
            }
        }
        if (currency != null && !currency.isBlank()) {
            try {
                Currencies.code(currency, null, "currency");
            } catch (InvalidFieldsException e) {
                problems.addAll(e.errors());
            }
        }
        return null;
    }
}
