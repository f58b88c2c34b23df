package org.opencrm.platform.starter.security;

import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The tenant (company) the current unit of work acts for.
 * <p>
 * An HTTP request takes it from the caller's token; an event handler takes it from the event's
 * {@code tenantid} with {@link #callAs}. Hibernate's tenant discriminator reads it, so no query has to
 * remember a tenant condition. Hibernate binds the tenant to a session when it opens, that is when a
 * transaction begins: set the tenant before, never inside, the transaction that should use it.
 */
public final class TenantContext {

    private static final ThreadLocal<UUID> EXPLICIT = new ThreadLocal<>();

    private TenantContext() {
    }

    /** The current tenant: an explicitly set one, else the authenticated user's. */
    public static Optional<UUID> current() {
        UUID explicit = EXPLICIT.get();
        if (explicit != null) {
            return Optional.of(explicit);
        }
        return CurrentUser.find(SecurityContextHolder.getContext().getAuthentication()).map(CrmUser::tenantId);
    }

    /** The current tenant, or an error if none is known. */
    public static UUID require() {
        return current().orElseThrow(() -> new IllegalStateException("No tenant in the current context"));
    }

    /** Runs the work as the given tenant and restores the previous one afterwards. */
    public static <T> T callAs(UUID tenantId, Supplier<T> work) {
        UUID previous = EXPLICIT.get();
        EXPLICIT.set(tenantId);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                EXPLICIT.remove();
            } else {
                EXPLICIT.set(previous);
            }
        }
    }

    /** Runs the work as the given tenant and restores the previous one afterwards. */
    public static void runAs(UUID tenantId, Runnable work) {
        callAs(tenantId, () -> {
            work.run();
            return null;
        });
    }
}
