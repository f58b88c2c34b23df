package org.opencrm.deals.product;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A product or service the company sells, with its list price; deal lines refer to it. */
@Entity
@Table(name = "product")
class Product {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String name;

    private String description;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private ProductKind kind;

    private String sku;

    @Column(nullable = false)
    private BigDecimal price;

    @Column(nullable = false)
    private String currency;

    @Column(nullable = false)
    private boolean active;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    @Version
    private long version;

    protected Product() {
    }

    Product(Instant now) {
        this.id = UUID.randomUUID();
        this.createdAt = now;
    }

    void apply(String name, String description, ProductKind kind, String sku, BigDecimal price, String currency,
            boolean active, Instant now) {
        this.name = name;
        this.description = description;
        this.kind = kind;
        this.sku = sku;
        this.price = price;
        this.currency = currency;
        this.active = active;
        this.updatedAt = now;
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    String description() {
        return description;
    }

    ProductKind kind() {
        return kind;
    }

    String sku() {
        return sku;
    }

    BigDecimal price() {
        return price;
    }

    String currency() {
        return currency;
    }

    boolean active() {
        return active;
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
