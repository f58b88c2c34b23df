package org.opencrm.analytics.counters;

import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface TenantCountersRepository extends JpaRepository<TenantCounters, UUID> {

    /** The current tenant's counters (the tenant discriminator leaves at most one row). */
    Optional<TenantCounters> findFirstBy();
}
