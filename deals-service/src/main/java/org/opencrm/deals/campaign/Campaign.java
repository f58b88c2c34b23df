package org.opencrm.deals.campaign;

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

/** An advertising campaign (`003_*`: name, service, channel, budget), with its period and owner. */
@Entity
@Table(name = "campaign")
class Campaign {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String name;

    @Column(name = "product_id")
    private UUID productId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Channel channel;

    @Column(nullable = false)
    private BigDecimal budget;

    @Column(nullable = false)
    private String currency;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    /** Set by a marketer; null: follows the dates. */
    @Enumerated(EnumType.STRING)
    private CampaignStatus status;

    @Column(name = "owner_id")
    private UUID ownerId;

    @Column(name = "created_by", updatable = false)
    private UUID createdBy;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Campaign() {
    }

    Campaign(UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    void apply(String name, UUID productId, Channel channel, BigDecimal budget, String currency, LocalDate startDate,
            LocalDate endDate, CampaignStatus status, UUID ownerId, Instant now) {
        this.name = name;
        this.productId = productId;
        this.channel = channel;
        this.budget = budget;
        this.currency = currency;
        this.startDate = startDate;
        this.endDate = endDate;
        this.status = status;
        this.ownerId = ownerId;
        this.updatedAt = now;
    }

    /** The status set by hand, or the one the dates give today. */
    CampaignStatus statusOn(LocalDate today) {
        return status != null ? status : CampaignStatus.of(startDate, endDate, today);
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    UUID productId() {
        return productId;
    }

    Channel channel() {
        return channel;
    }

    BigDecimal budget() {
        return budget;
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

    CampaignStatus status() {
        return status;
    }

    UUID ownerId() {
        return ownerId;
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
