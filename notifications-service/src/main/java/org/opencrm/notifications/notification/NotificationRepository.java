package org.opencrm.notifications.notification;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.data.domain.Limit;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface NotificationRepository extends JpaRepository<Notification, UUID> {

    @Query("""
            select n from Notification n
            where n.userId = :userId and (:unreadOnly = false or n.readAt is null)
              and (n.createdAt < :beforeAt or (n.createdAt = :beforeAt and n.id < :beforeId))
            order by n.createdAt desc, n.id desc
            """)
    List<Notification> of(UUID userId, boolean unreadOnly, Instant beforeAt, UUID beforeId, Limit limit);

    @Query("select count(n) from Notification n where n.userId = :userId and n.readAt is null")
    long unread(UUID userId);

    @Modifying
    @Query("update Notification n set n.readAt = :now where n.userId = :userId and n.readAt is null")
    int readAll(UUID userId, Instant now);
}
