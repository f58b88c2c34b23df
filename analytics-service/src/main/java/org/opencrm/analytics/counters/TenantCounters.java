package org.opencrm.analytics.counters;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** Running totals of one tenant, kept up to date from domain events. */
@Entity
@Table(name = "tenant_counters")
class TenantCounters {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    private long contacts;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected TenantCounters() {
    }

    long contacts() {
        return contacts;
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
