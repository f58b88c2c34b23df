package org.opencrm.deals.promotion;

/**
 * What an offer gives: "1+1=3" (buy some, one more free: {@code value} is how many are paid for), a percent
 * off ({@code value} 0..100), a fixed amount off ({@code value} in {@code currency}), free delivery, a gift.
 */
public enum Mechanic {
    BUNDLE, PERCENT, FIXED_AMOUNT, FREE_DELIVERY, GIFT
}
