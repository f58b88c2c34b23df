package org.opencrm.deals.contract;

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

/** A contract with a client (`003_*`: title, service, document, period, amount). */
@Entity
@Table(name = "contract")
class Contract {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String title;

    @Column(name = "product_id")
    private UUID productId;

    @Column(name = "contact_id")
    private UUID contactId;

    @Column(name = "company_id")
    private UUID companyId;

    @Column(name = "deal_id")
    private UUID dealId;

    @Column(nullable = false)
    private BigDecimal amount;

    @Column(nullable = false)
    private String currency;

    @Column(name = "start_date", nullable = false)
    private LocalDate startDate;

    @Column(name = "end_date")
    private LocalDate endDate;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ContractStatus status;

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

    protected Contract() {
    }

    Contract(UUID createdBy, Instant now) {
        this.id = UUID.randomUUID();
        this.createdBy = createdBy;
        this.createdAt = now;
    }

    void apply(String title, UUID productId, UUID contactId, UUID companyId, UUID dealId, BigDecimal amount,
            String currency, LocalDate startDate, LocalDate endDate, ContractStatus status, UUID ownerId, Instant now) {
        this.title = title;
        this.productId = productId;
        this.contactId = contactId;
        this.companyId = companyId;
        this.dealId = dealId;
        this.amount = amount;
        this.currency = currency;
        this.startDate = startDate;
        this.endDate = endDate;
        this.status = status;
        this.ownerId = ownerId;
        this.updatedAt = now;
    }

    /** Its document changed: a change of the contract too (version, updatedAt). */
    void documentChanged(Instant now) {
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    String title() {
        return title;
    }

    UUID productId() {
        return productId;
    }

    UUID contactId() {
        return contactId;
    }

    UUID companyId() {
        return companyId;
    }

    UUID dealId() {
        return dealId;
    }

    BigDecimal amount() {
        return amount;
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

    ContractStatus status() {
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
