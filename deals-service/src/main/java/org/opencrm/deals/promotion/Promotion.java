package org.opencrm.deals.promotion;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A promotion or a discount (`002_*` 2.1.4-2.1.7): name, mechanic ("1+1=3", percent...), value, period. */
@Entity
@Table(name = "promotion")
class Promotion {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PromotionType type;

    @Column(nullable = false)
    private String name;

    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Mechanic mechanic;

    private BigDecimal value;

    private String currency;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    @Column(name = "created_by", updatable = false)
    private UUID createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Promotion() {
    }

    Promotion(UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    void apply(PromotionType type, String name, String description, Mechanic mechanic, BigDecimal value,
            String currency, LocalDate startDate, LocalDate endDate, Instant now) {
        this.type = type;
        this.name = name;
        this.description = description;
        this.mechanic = mechanic;
        this.value = value;
        this.currency = currency;
        this.startDate = startDate;
        this.endDate = endDate;
        this.updatedAt = now;
    }

    /** Its products changed: the promotion's version moves too, so a stale edit of either is caught. */
    void touch(Instant now) {
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    PromotionType type() {
        return type;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    Mechanic mechanic() {
        return mechanic;
    }

    BigDecimal value() {
        return value;
    }

    String currency() {
        return currency;
    }

    LocalDate startDate() {
        return startDate;
    }

    LocalDate endDate() {
        return endDate;
    }

    UUID createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant updatedAt() {
        return updatedAt;
    }

    long version() {
        return version;
    }
}
