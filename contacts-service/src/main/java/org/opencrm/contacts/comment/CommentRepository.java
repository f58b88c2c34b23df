package org.opencrm.contacts.comment;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface CommentRepository extends JpaRepository<Comment, UUID> {

    @Query("""
            select c from Comment c where c.contactId = :contactId
              and (c.createdAt < :beforeAt or (c.createdAt = :beforeAt and c.id < :beforeId))
            order by c.createdAt desc, c.id desc
            """)
    List<Comment> ofContact(UUID contactId, Instant beforeAt, UUID beforeId, Limit limit);

    @Query("""
            select c from Comment c where c.companyId = :companyId
              and (c.createdAt < :beforeAt or (c.createdAt = :beforeAt and c.id < :beforeId))
            order by c.createdAt desc, c.id desc
            """)
    List<Comment> ofCompany(UUID companyId, Instant beforeAt, UUID beforeId, Limit limit);
}
