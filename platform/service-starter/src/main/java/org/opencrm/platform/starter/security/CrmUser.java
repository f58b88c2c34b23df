package org.opencrm.platform.starter.security;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The authenticated user as the access token describes them.
 *
 * @param userId       the token's subject
 * @param tenantId     the company the user works in
 * @param roles        ADMIN, SUPERVISOR, MANAGER, OPERATOR, MARKETER, DEVELOPER
 * @param departmentId the user's department, if any
 */
public record CrmUser(UUID userId, UUID tenantId, Set<String> roles, UUID departmentId) {

    /** Claim names of the CRM's access tokens. */
    public static final String TENANT_CLAIM = "tenant_id";
    public static final String ROLES_CLAIM = "roles";
    public static final String DEPARTMENT_CLAIM = "department_id";
    public static final String TOKEN_TYPE_CLAIM = "token_type";
    public static final String ACCESS_TOKEN_TYPE = "access";
    /** Issued by identity to the gateway for an integration's API key: scopes instead of roles. */
    public static final String INTEGRATION_TOKEN_TYPE = "integration";
    public static final String SCOPE_CLAIM = "scope";

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    static CrmUser from(Jwt jwt) {
        List<String> roles = jwt.getClaimAsStringList(ROLES_CLAIM);
        String department = jwt.getClaimAsString(DEPARTMENT_CLAIM);
        return new CrmUser(UUID.fromString(jwt.getSubject()), UUID.fromString(jwt.getClaimAsString(TENANT_CLAIM)),
                roles == null ? Set.of() : Set.copyOf(roles), department == null ? null : UUID.fromString(department));
    }
}
