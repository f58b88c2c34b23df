package org.opencrm.deals.pipeline;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.SQLRestriction;
import org.hibernate.annotations.TenantId;

/** A column of a pipeline: its place in the order, what reaching it means ({@link Outcome}), its colour. */
@Entity
@Table(name = "stage")
@SQLRestriction("deleted_at is null")
class Stage {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(name = "pipeline_id", nullable = false, updatable = false)
    private UUID pipelineId;

    @Column(updatable = false)
    private String code;

    private String name;

    @Column(nullable = false)
    private int position;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Outcome outcome;

    private String color;

    @Column(name = "deleted_at")
    private Instant deletedAt;

    protected Stage() {
    }

    Stage(UUID pipelineId, String name, int position, Outcome outcome, String color) {
        this.id = UUID.randomUUID();
        this.pipelineId = pipelineId;
        this.name = name;
        this.position = position;
        this.outcome = outcome;
        this.color = color;
    }

    void change(String name, Outcome outcome, String color) {
        this.name = name;
        this.outcome = outcome;
        this.color = color;
    }

    void placeAt(int position) {
        this.position = position;
    }

    void retire(Instant now) {
        this.deletedAt = now;
    }

    UUID id() {
        return id;
    }

    UUID pipelineId() {
        return pipelineId;
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

    Outcome outcome() {
        return outcome;
    }

    String color() {
        return color;
    }
}
