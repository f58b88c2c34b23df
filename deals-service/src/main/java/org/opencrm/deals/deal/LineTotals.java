package org.opencrm.deals.deal;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/** The money of deal lines: a line's total is quantity × unit price less its discount, to the cent (half up). */
final class LineTotals {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    private LineTotals() {
    }

    static BigDecimal of(BigDecimal quantity, BigDecimal unitPrice, BigDecimal discountPercent) {
        return quantity.multiply(unitPrice).multiply(HUNDRED.subtract(discountPercent))
                .divide(HUNDRED, 2, RoundingMode.HALF_UP);
    }

    static BigDecimal sum(List<BigDecimal> totals) {
        return totals.stream().reduce(BigDecimal.ZERO, BigDecimal::add).setScale(2, RoundingMode.HALF_UP);
    }
}
