package org.opencrm.deals.card;

import java.util.UUID;

/**
 * Keeps something about leads or deals, or a link to one (stage history, comments, a deal's lead, a lead's
 * deal), and lets go of it when the card is deleted: called in the deleting transaction before the card's row
 * goes, so that nothing is left naming a card that is gone. Implemented where that something lives, so that the
 * deleting side need not know it (and a lead and a deal can each forget the other without a cycle).
 */
public interface CardDependents {

    void cardDeleted(CardKind kind, UUID cardId);
}
