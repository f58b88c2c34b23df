package org.opencrm.identity.tenant;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Companies; a caller only ever loads its own, by the tenant id of its token. */
public interface TenantRepository extends JpaRepository<Tenant, UUID> {
}
