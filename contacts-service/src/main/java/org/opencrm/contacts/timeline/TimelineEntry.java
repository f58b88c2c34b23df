package org.opencrm.contacts.timeline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.TenantId;
import org.hibernate.type.SqlTypes;

/** One interaction in a client's communication history. */
@Entity
@Table(name = "timeline_entry")
class TimelineEntry {

    static final String MANUAL = "manual";

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "contact_id")
    private UUID contactId;

    @Column(name = "company_id")
    private UUID companyId;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Enumerated(EnumType.STRING)
    private Direction direction;

    @Column(nullable = false)
    private String summary;

    @Column(name = "link_type")
    private String linkType;

    @Column(name = "link_id")
    private String linkId;

    @Column(nullable = false)
    private String source;

    @Column(name = "source_event_id")
    private UUID sourceEventId;

    @Column(name = "author_id")
    private UUID authorId;

    /** What the event an entry was projected from said; null for entries added by hand. */
    @JdbcTypeCode(SqlTypes.JSON)
    private Map<String, Object> details;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected TimelineEntry() {
    }

    TimelineEntry(UUID contactId, UUID companyId, Instant occurredAt, Channel channel, Direction direction,
            String summary, String linkType, String linkId, String source, UUID sourceEventId, UUID authorId) {
        this.id = UUID.randomUUID();
        this.contactId = contactId;
        this.companyId = companyId;
        this.occurredAt = occurredAt;
        this.channel = channel;
        this.direction = direction;
        this.summary = summary;
        this.linkType = linkType;
        this.linkId = linkId;
        this.source = source;
        this.sourceEventId = sourceEventId;
        this.authorId = authorId;
        this.createdAt = Instant.now();
    }

    UUID id() {
        return id;
    }

    UUID contactId() {
        return contactId;
    }

    UUID companyId() {
        return companyId;
    }

    Instant occurredAt() {
        return occurredAt;
    }

    Channel channel() {
        return channel;
    }

    Direction direction() {
        return direction;
    }

    String summary() {
        return summary;
    }

    String linkType() {
        return linkType;
    }

    String linkId() {
        return linkId;
    }

    String source() {
        return source;
    }

    UUID authorId() {
        return authorId;
    }

    Instant createdAt() {
        return createdAt;
    }

    Map<String, Object> details() {
        return details;
    }
}
