package org.opencrm.deals.comment;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;
import org.opencrm.deals.card.CardKind;

/** A colleague's comment on a lead or a deal, with the colleagues it mentions. */
@Entity
@Table(name = "comment")
class Comment {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Enumerated(EnumType.STRING)
    @Column(name = "card_type", nullable = false, updatable = false)
    private CardKind cardType;

    @Column(name = "card_id", nullable = false, updatable = false)
    private UUID cardId;

    @Column(name = "author_id", nullable = false, updatable = false)
    private UUID authorId;

    @Column(nullable = false)
    private String body;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false, columnDefinition = "uuid[]")
    private List<UUID> mentions = new ArrayList<>();

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "edited_at")
    private Instant editedAt;

    protected Comment() {
    }

    Comment(CardKind cardType, UUID cardId, UUID authorId, String body, List<UUID> mentions, Instant now) {
        this.id = UUID.randomUUID();
        this.cardType = cardType;
        this.cardId = cardId;
        this.authorId = authorId;
        this.body = body;
        this.mentions = new ArrayList<>(mentions);
        this.createdAt = now;
    }

    void edit(String body, List<UUID> mentions, Instant now) {
        this.body = body;
        this.mentions = new ArrayList<>(mentions);
        this.editedAt = now;
    }

    UUID id() {
        return id;
    }

    CardKind cardType() {
        return cardType;
    }

    UUID cardId() {
        return cardId;
    }

    UUID authorId() {
        return authorId;
    }

    String body() {
        return body;
    }

    List<UUID> mentions() {
        return List.copyOf(mentions);
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant editedAt() {
        return editedAt;
    }
}
