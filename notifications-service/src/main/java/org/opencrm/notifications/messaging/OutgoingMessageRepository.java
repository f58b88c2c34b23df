package org.opencrm.notifications.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface OutgoingMessageRepository extends JpaRepository<OutgoingMessage, UUID> {

    @Query("""
            select m from OutgoingMessage m
            where (:channel is null or m.channel = :channel) and (:status is null or m.status = :status)
              and (m.createdAt < :beforeAt or (m.createdAt = :beforeAt and m.id < :beforeId))
            order by m.createdAt desc, m.id desc
            """)
    List<OutgoingMessage> log(Channel channel, MessageStatus status, Instant beforeAt, UUID beforeId, Limit limit);
}
