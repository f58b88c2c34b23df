package org.opencrm.identity.session;

import java.util.UUID;

/** What a session needs to know about its user, read without a tenant context (sign-in comes first). */
public record SessionUser(UUID userId, UUID tenantId, String role, UUID departmentId, String status,
        String passwordHash) {

    boolean active() {
        return "ACTIVE".equals(status);
    }
}
