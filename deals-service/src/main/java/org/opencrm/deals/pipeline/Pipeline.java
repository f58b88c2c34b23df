package org.opencrm.deals.pipeline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.TenantId;

/** A funnel of the company: its stages are {@link Stage}s. A seeded one has a code and, until renamed, no name. */
@Entity
@Table(name = "pipeline")
@SQLRestriction("deleted_at is null")
class Pipeline {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private PipelineKind kind;

    @Column(updatable = false)
    private String code;

    private String name;

    @Column(nullable = false)
    private int position;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    @Version
    private long version;

    protected Pipeline() {
    }

    Pipeline(PipelineKind kind, String name, int position, Instant now) {
        this.id = UUID.randomUUID();
        this.kind = kind;
        this.name = name;
        this.position = position;
        this.createdAt = now;
        this.updatedAt = now;
    }

    void rename(String name, Instant now) {
        this.name = name;
        touch(now);
    }

    void placeAt(int position) {
        this.position = position;
    }

    /** Stages changed: the pipeline's version moves on, so a client holding the old one reloads. */
    void touch(Instant now) {
        this.updatedAt = now;
    }

    void retire(Instant now) {
        this.deletedAt = now;
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    PipelineKind kind() {
        return kind;
    }

    String code() {
        return code;
    }

    String name() {
        return name;
    }

    int position() {
        return position;
    }

    long version() {
        return version;
    }
}
