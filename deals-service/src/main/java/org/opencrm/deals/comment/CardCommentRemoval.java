package org.opencrm.deals.comment;

import java.util.UUID;
import org.opencrm.deals.card.CardDependents;
import org.opencrm.deals.card.CardKind;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** A deleted card's comments go with it (notifications already sent for their mentions stay where they are). */
@Component
class CardCommentRemoval implements CardDependents {

    private final CommentRepository comments;

    CardCommentRemoval(CommentRepository comments) {
        this.comments = comments;
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void cardDeleted(CardKind kind, UUID cardId) {
        comments.deleteAllOf(kind, cardId);
    }
}
