package org.opencrm.identity.invitation;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;
import org.opencrm.identity.user.Role;

/** An administrator's invitation for someone to join the company with a role; usable once, until it expires. */
@Entity
@Table(name = "invitation")
class Invitation {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String email;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Role role;

    @Column(name = "department_id")
    private UUID departmentId;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Column(name = "invited_by", nullable = false)
    private UUID invitedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "accepted_at")
    private Instant acceptedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    private long version;

    protected Invitation() {
    }

    Invitation(String email, Role role, UUID departmentId, String tokenHash, UUID invitedBy, Duration validFor) {
        this.id = UUID.randomUUID();
        this.email = email;
        this.role = role;
        this.departmentId = departmentId;
        this.tokenHash = tokenHash;
        this.invitedBy = invitedBy;
        this.createdAt = Instant.now();
        this.expiresAt = createdAt.plus(validFor);
    }

    void revoke() {
        if (revokedAt == null && acceptedAt == null) {
            revokedAt = Instant.now();
        }
    }

    boolean open() {
        return acceptedAt == null && revokedAt == null && expiresAt.isAfter(Instant.now());
    }

    UUID id() {
        return id;
    }

    String email() {
        return email;
    }

    Role role() {
        return role;
    }

    UUID departmentId() {
        return departmentId;
    }

    UUID invitedBy() {
        return invitedBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant expiresAt() {
        return expiresAt;
    }

    Instant acceptedAt() {
        return acceptedAt;
    }

    Instant revokedAt() {
        return revokedAt;
    }
}
