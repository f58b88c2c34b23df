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

/**
 * A promo code (`002_*` 2.1.6): unique in the company whatever its letter case, valid for a period, used at
 * most {@code usageLimit} times; it grants a promotion's terms or its own.
 */
@Entity
@Table(name = "promo_code")
class PromoCode {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String code;

    private String description;

    @Column(name = "promotion_id")
    private UUID promotionId;

    @Enumerated(EnumType.STRING)
    private Mechanic mechanic;

    private BigDecimal value;

    private String currency;

    @Column(name = "usage_limit")
    private Integer usageLimit;

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

    protected PromoCode() {
    }

    PromoCode(UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    void apply(String code, String description, UUID promotionId, Mechanic mechanic, BigDecimal value, String currency,
            Integer usageLimit, LocalDate startDate, LocalDate endDate, Instant now) {
        this.code = code;
        this.description = description;
        this.promotionId = promotionId;
        this.mechanic = mechanic;
        this.value = value;
        this.currency = currency;
        this.usageLimit = usageLimit;
        this.startDate = startDate;
        this.endDate = endDate;
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    String code() {
        return code;
    }

    String description() {
        return description;
    }

    UUID promotionId() {
        return promotionId;
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

    Integer usageLimit() {
        return usageLimit;
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
