package org.opencrm.deals.comment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencrm.deals.card.CardKind;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface CommentRepository extends JpaRepository<Comment, UUID> {

    @Query("""
            select c from Comment c where c.cardType = :cardType and c.cardId = :cardId
              and (c.createdAt < :beforeAt or (c.createdAt = :beforeAt and c.id < :beforeId))
            order by c.createdAt desc, c.id desc
            """)
    List<Comment> of(CardKind cardType, UUID cardId, Instant beforeAt, UUID beforeId, Limit limit);

    @Modifying
    @Query("delete from Comment c where c.cardType = :cardType and c.cardId = :cardId")
    int deleteAllOf(CardKind cardType, UUID cardId);
}
