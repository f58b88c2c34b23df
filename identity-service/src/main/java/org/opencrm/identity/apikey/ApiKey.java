package org.opencrm.identity.apikey;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** A named, scoped, revocable credential of an integration; its secret is shown once and kept as a hash. */
@Entity
@Table(name = "api_key")
class ApiKey {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String prefix;

    @Column(name = "key_hash", nullable = false)
    private String keyHash;

    @Column(nullable = false)
    private String scopes;

    @Column(name = "created_by", nullable = false)
    private UUID createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "last_used_at")
    private Instant lastUsedAt;

    @Column(name = "revoked_at")
    private Instant revokedAt;

    @Version
    private long version;

    protected ApiKey() {
    }

    ApiKey(String name, String prefix, String keyHash, List<Scope> scopes, UUID createdBy) {
        this.id = UUID.randomUUID();
        this.name = name;
        this.prefix = prefix;
        this.keyHash = keyHash;
        this.scopes = String.join(" ", scopes.stream().map(Scope::value).distinct().sorted().toList());
        this.createdBy = createdBy;
        this.createdAt = Instant.now();
    }

    /** Revokes the key; revoking again changes nothing. */
    boolean revoke() {
        if (revokedAt != null) {
            return false;
        }
        revokedAt = Instant.now();
        return true;
    }

    UUID id() {
        return id;
    }

    String name() {
        return name;
    }

    String prefix() {
        return prefix;
    }

    List<String> scopes() {
        return Arrays.asList(scopes.split(" "));
    }

    UUID createdBy() {
        return createdBy;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant lastUsedAt() {
        return lastUsedAt;
    }

    Instant revokedAt() {
        return revokedAt;
    }
}
