package org.opencrm.notifications.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** Something one user should know, shown in the bell until they read it. */
@Entity
@Table(name = "notification")
class Notification {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "user_id", nullable = false, updatable = false)
    private UUID userId;

    @Column(nullable = false, updatable = false)
    private String kind;

    @Column(nullable = false, updatable = false)
    private String title;

    @Column(updatable = false)
    private String body;

    @Column(name = "card_type", updatable = false)
    private String cardType;

    @Column(name = "card_id", updatable = false)
    private UUID cardId;

    @Column(name = "source_event_id", nullable = false, updatable = false)
    private UUID sourceEventId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "read_at")
    private Instant readAt;

    protected Notification() {
    }

    Notification(UUID userId, String kind, String title, String body, String cardType, UUID cardId,
            UUID sourceEventId, Instant now) {
        this.id = UUID.randomUUID();
        this.userId = userId;
        this.kind = kind;
        this.title = title;
        this.body = body;
        this.cardType = cardType;
        this.cardId = cardId;
        this.sourceEventId = sourceEventId;
        this.createdAt = now;
    }

    void read(Instant now) {
        if (readAt == null) {
            readAt = now;
        }
    }

    UUID id() {
        return id;
    }

    UUID userId() {
        return userId;
    }

    String kind() {
        return kind;
    }

    String title() {
        return title;
    }

    String body() {
        return body;
    }

    String cardType() {
        return cardType;
    }

    UUID cardId() {
        return cardId;
    }

    UUID sourceEventId() {
        return sourceEventId;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant readAt() {
        return readAt;
    }
}
