package org.opencrm.identity.session;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Opaque refresh tokens, stored only as SHA-256 hashes. Each use marks the token used and issues its
 * successor in the same family; presenting a used token again means it leaked, so the whole family is
 * revoked. Lookups are by the token's hash, which identifies one row of one tenant.
 */
@Component
class RefreshTokens {

    /** The user a rotated token belonged to, and the family it continues. */
    record Use(UUID userId, UUID tenantId, UUID familyId) {
    }

    private final JdbcTemplate jdbc;
    private final TokenSettings settings;

    RefreshTokens(JdbcTemplate jdbc, TokenSettings settings) {
        this.jdbc = jdbc;
        this.settings = settings;
    }

    /** A new token for the user, starting a family (sign-in) or continuing one (rotation). */
    String issue(UUID userId, UUID tenantId, UUID familyId) {
        String token = Secrets.newSecret();
        Instant now = Instant.now();
        jdbc.update("""
                insert into refresh_token (id, tenant_id, user_id, family_id, token_hash, issued_at, expires_at)
                values (?, ?, ?, ?, ?, ?, ?)
                """, UUID.randomUUID(), tenantId, userId, familyId, Secrets.hash(token), Timestamp.from(now),
                Timestamp.from(now.plus(settings.refreshTtl())));
        return token;
    }

    /**
     * Marks the token used, once. Empty if it is unknown, expired or revoked; a token already used is
     * reuse, and revokes its whole family before answering empty.
     */
    Optional<Use> use(String token) {
        String hash = Secrets.hash(token);
        List<Use> used = jdbc.query("""
                update refresh_token set used_at = now()
                where token_hash = ? and used_at is null and revoked_at is null and expires_at > now()
                returning user_id, tenant_id, family_id
                """, (row, n) -> new Use(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                row.getObject(3, UUID.class)), hash);
        if (!used.isEmpty()) {
            return Optional.of(used.getFirst());
        }
        jdbc.update("""
                update refresh_token set revoked_at = now()
                where revoked_at is null and family_id in (select family_id from refresh_token
                                                           where token_hash = ? and used_at is not null)
                """, hash);
        return Optional.empty();
    }

    /** Revokes the family of the token (logout). Unknown tokens are ignored. */
    void revokeFamilyOf(String token) {
        jdbc.update("""
                update refresh_token set revoked_at = now()
                where revoked_at is null and family_id in (select family_id from refresh_token where token_hash = ?)
                """, Secrets.hash(token));
    }

    /** Revokes every token of the user (deactivation). */
    void revokeAllOf(UUID userId) {
        jdbc.update("update refresh_token set revoked_at = now() where user_id = ? and revoked_at is null", userId);
    }

}
