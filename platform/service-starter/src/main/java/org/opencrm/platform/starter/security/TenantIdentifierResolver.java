package org.opencrm.platform.starter.security;

import java.util.UUID;
import org.hibernate.context.spi.CurrentTenantIdentifierResolver;

/**
 * Feeds {@link TenantContext} to Hibernate's {@code @TenantId} discriminator: every query on a tenant-owned
 * entity is filtered by it and every insert stamped with it. Without a tenant the session gets a tenant id
 * that owns nothing, so a forgotten context reads no data rather than all of it.
 */
public class TenantIdentifierResolver implements CurrentTenantIdentifierResolver<UUID> {

    /** The id used when no tenant is known; no row ever carries it. */
    public static final UUID NO_TENANT = new UUID(0, 0);

    @Override
    public UUID resolveCurrentTenantIdentifier() {
        return TenantContext.current().orElse(NO_TENANT);
    }

    @Override
    public boolean validateExistingCurrentSessions() {
        return false;
    }
}
