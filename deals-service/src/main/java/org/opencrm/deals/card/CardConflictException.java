package org.opencrm.deals.card;

/**
 * A request that the card's state refuses (converting a lead twice, moving a converted one): answered
 * 409 with {@code /problems/conflict} and the reason, and nothing changes.
 */
public class CardConflictException extends RuntimeException {

    public CardConflictException(String detail) {
        super(detail);
    }
}
