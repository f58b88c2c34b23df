package org.opencrm.deals.shop;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.opencrm.platform.starter.secrets.SecretEncryption;
import org.opencrm.platform.starter.security.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The optional HMAC-SHA256 signature of shop requests. A company whose ADMIN set a signing secret
 * (deals-service's shop settings) gets every shop request checked: the header {@value #HEADER} must hold
 * the hex HMAC-SHA256 of the raw body under that secret ({@code sha256=} prefix allowed); a missing or wrong
 * one is 401 and nothing is stored. Without a secret the header is not checked. The secret is stored encrypted
 * ({@link SecretEncryption}, {@code CRM_SECRETS_KEY}). Secrets are read through a
 * ten-second cache, so a changed secret holds on every instance within that time.
 */
@Service
class ShopSignatures {

    static final String HEADER = "X-Shop-Signature";
    private static final long CACHE_MILLIS = 10_000;

    private record Cached(Optional<String> secret, long until) {
    }

    private final JdbcTemplate jdbc;
    private final SecretEncryption encryption;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    ShopSignatures(JdbcTemplate jdbc, SecretEncryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    /** 401 ({@link BadSignatureException}) unless the body is signed as the company's settings ask. */
    void verify(byte[] body, String header) {
        Optional<String> secret = secret(TenantContext.require());
        if (secret.isEmpty()) {
            return;
        }
        if (header == null || header.isBlank()) {
            throw new BadSignatureException("The company requires the " + HEADER + " header (HMAC-SHA256 of the body).");
        }
        String given = header.strip();
        if (given.regionMatches(true, 0, "sha256=", 0, 7)) {
            given = given.substring(7);
        }
        byte[] expected = sign(secret.get(), body);
        byte[] actual;
        try {
            actual = HexFormat.of().parseHex(given.toLowerCase());
        } catch (IllegalArgumentException e) {
            throw new BadSignatureException("The " + HEADER + " header is not a hex HMAC-SHA256.");
        }
        if (!MessageDigest.isEqual(expected, actual)) {
            throw new BadSignatureException("The " + HEADER + " header does not match the body.");
        }
    }

    static byte[] sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    // no read-only transaction: reading an old plain secret writes it back encrypted
    public boolean required() {
        return secret(TenantContext.require()).isPresent();
    }

    /** Sets (or with null clears) the company's signing secret. */
    @Transactional
    public void setSecret(String secret, UUID by) {
        UUID tenant = TenantContext.require();
        jdbc.update("""
                insert into shop_settings (tenant_id, signing_secret, updated_by, updated_at) values (?, ?, ?, ?)
                on conflict (tenant_id) do update set signing_secret = excluded.signing_secret,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at
                """, tenant, secret == null ? null : encryption.encrypt(secret), by, Timestamp.from(Instant.now()));
        cache.remove(tenant);
    }

    private Optional<String> secret(UUID tenant) {
        long now = System.currentTimeMillis();
        Cached cached = cache.get(tenant);
        if (cached == null || cached.until() < now) {
            List<String> found = jdbc.queryForList("select signing_secret from shop_settings where tenant_id = ?",
                    String.class, tenant);
            String stored = found.isEmpty() ? null : found.getFirst();
            String secret = encryption.reveal(stored);
            if (stored != null && !SecretEncryption.isEncrypted(stored)) {
                // stored before secrets were encrypted: encrypted now
                jdbc.update("update shop_settings set signing_secret = ? where tenant_id = ? and signing_secret = ?",
                        encryption.encrypt(stored), tenant, stored);
            }
            cached = new Cached(Optional.ofNullable(secret).filter(s -> !s.isBlank()), now + CACHE_MILLIS);
            cache.put(tenant, cached);
        }
        return cached.secret();
    }

    /** A shop request whose signature is missing or wrong: 401. */
    static class BadSignatureException extends RuntimeException {
        BadSignatureException(String message) {
            super(message);
        }
    }
}
