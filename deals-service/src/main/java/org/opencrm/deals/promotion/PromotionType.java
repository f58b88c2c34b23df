package org.opencrm.deals.promotion;

/** The two kinds of offer the marketing calendar shows apart (`002_*` 2.1.4 and 2.1.5). */
public enum PromotionType {
    PROMOTION, DISCOUNT
}
