package org.opencrm.identity.apikey;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencrm.identity.session.AccessTokens;
import org.opencrm.identity.session.Secrets;
import org.opencrm.platform.events.identity.ApiKeyCreated;
import org.opencrm.platform.events.identity.ApiKeyRevoked;
import org.opencrm.platform.starter.events.EventPublisher;
import org.opencrm.platform.starter.security.CurrentUser;
import org.opencrm.platform.starter.web.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * API keys of integrations (`004_*`): created by an administrator with a name and scopes, shown once,
 * stored hashed, revocable. The gateway exchanges a key for a short-lived integration token here, which
 * is what the services then verify; the last use is recorded at most once a minute.
 */
@Service
class ApiKeys {

    /** How long an integration token lives; the gateway caches it for less, so revocation shows within a minute. */
    static final Duration INTEGRATION_TOKEN_TTL = Duration.ofMinutes(5);

    /** A key as listed: never its secret. */
    record ApiKeyView(UUID id, String name, String prefix, List<String> scopes, UUID createdBy, Instant createdAt,
            Instant lastUsedAt, Instant revokedAt) {

        static ApiKeyView of(ApiKey key) {
            return new ApiKeyView(key.id(), key.name(), key.prefix(), key.scopes(), key.createdBy(), key.createdAt(),
                    key.lastUsedAt(), key.revokedAt());
        }
    }

    /** A new key: the only time its secret is shown. */
    record CreatedApiKey(UUID id, String key, String name, String prefix, List<String> scopes, Instant createdAt) {
    }

    /** What the gateway gets for a valid key. */
    record IntegrationToken(String accessToken, long expiresIn, UUID apiKeyId, UUID tenantId, List<String> scopes) {
    }

    private final ApiKeyRepository keys;
    private final EventPublisher events;
    private final AccessTokens tokens;
    private final JdbcTemplate jdbc;

    ApiKeys(ApiKeyRepository keys, EventPublisher events, AccessTokens tokens, JdbcTemplate jdbc) {
        this.keys = keys;
        this.events = events;
        this.tokens = tokens;
        this.jdbc = jdbc;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    CreatedApiKey create(String name, List<Scope> scopes) {
        String key = "crm_" + Secrets.newSecret();
        String prefix = key.substring(0, 8);
        ApiKey apiKey = keys.saveAndFlush(new ApiKey(name.trim(), prefix, Secrets.hash(key), scopes,
                CurrentUser.require().userId()));
        events.publish(new ApiKeyCreated(apiKey.id(), apiKey.name(), prefix, apiKey.scopes(), apiKey.createdBy(),
                apiKey.createdAt()));
        return new CreatedApiKey(apiKey.id(), key, apiKey.name(), prefix, apiKey.scopes(), apiKey.createdAt());
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    List<ApiKeyView> list() {
        return keys.findAllByOrderByCreatedAtDesc().stream().map(ApiKeyView::of).toList();
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    void revoke(UUID id) {
        ApiKey key = keys.findById(id).orElseThrow(() -> new NotFoundException("API key", id));
        if (key.revoke()) {
            keys.flush();
            events.publish(new ApiKeyRevoked(key.id(), CurrentUser.require().userId(), key.revokedAt()));
        }
    }

    /**
     * The integration token for a presented key, or null if the key is unknown or revoked. Looked up by the
     * key's hash before any tenant is known, like a password.
     */
    @Transactional
    IntegrationToken exchange(String presentedKey) {
        var found = jdbc.query("select id, tenant_id, scopes from api_key where key_hash = ? and revoked_at is null",
                (row, n) -> new Object[] {row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3)},
                Secrets.hash(presentedKey));
        if (found.isEmpty()) {
            return null;
        }
        UUID id = (UUID) found.getFirst()[0];
        UUID tenantId = (UUID) found.getFirst()[1];
        List<String> scopes = List.of(((String) found.getFirst()[2]).split(" "));
        jdbc.update("update api_key set last_used_at = now() where id = ? "
                + "and (last_used_at is null or last_used_at < now() - interval '1 minute')", id);
        return new IntegrationToken(tokens.issueForIntegration(id, tenantId, scopes, INTEGRATION_TOKEN_TTL),
                INTEGRATION_TOKEN_TTL.toSeconds(), id, tenantId, scopes);
    }

}
