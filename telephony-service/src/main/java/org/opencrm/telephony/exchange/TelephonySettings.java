package org.opencrm.telephony.exchange;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.opencrm.platform.starter.secrets.SecretEncryption;
import org.opencrm.platform.starter.security.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The company's exchange connection: the format its webhook speaks, the optional signing secret, and where and
 * with which credentials to ask it to originate calls. Read through a ten-second cache on the webhook path, so a
 * changed secret holds on every instance within that time. The signing secret and the exchange's password are
 * stored encrypted ({@link SecretEncryption}, {@code CRM_SECRETS_KEY}).
 */
@Service
class TelephonySettings {

    static final String DEFAULT_FORMAT = "generic";
    private static final long CACHE_MILLIS = 10_000;

    /** The settings (secrets included: never shown). */
    record Connection(String format, String signingSecret, String exchangeUrl, String login, String password) {

        static final Connection NONE = new Connection(DEFAULT_FORMAT, null, null, null, null);
    }

    private record Cached(Connection connection, long until) {
    }

    private final JdbcTemplate jdbc;
    private final SecretEncryption encryption;
    private final Map<UUID, Cached> cache = new ConcurrentHashMap<>();

    TelephonySettings(JdbcTemplate jdbc, SecretEncryption encryption) {
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    Connection current() {
        UUID tenant = TenantContext.require();
        long now = System.currentTimeMillis();
        Cached cached = cache.get(tenant);
        if (cached == null || cached.until() < now) {
            List<Connection> found = jdbc.query("""
                    select format, signing_secret, exchange_url, exchange_login, exchange_password
                    from telephony_settings where tenant_id = ?""", (row, n) -> new Connection(row.getString(1),
                    row.getString(2), row.getString(3), row.getString(4), row.getString(5)), tenant);
            if (!found.isEmpty() && (plain(found.getFirst().signingSecret()) || plain(found.getFirst().password()))) {
                // stored before secrets were encrypted: encrypted now, unless an ADMIN changed them meanwhile
                Connection stored = found.getFirst();
                jdbc.update("""
                        update telephony_settings set signing_secret = ?, exchange_password = ? where tenant_id = ?
                        and signing_secret is not distinct from ? and exchange_password is not distinct from ?""",
                        seal(stored.signingSecret()), seal(stored.password()), tenant, stored.signingSecret(),
                        stored.password());
            }
            found = found.stream().map(c -> new Connection(c.format(), encryption.reveal(c.signingSecret()),
                    c.exchangeUrl(), c.login(), encryption.reveal(c.password()))).toList();
            cached = new Cached(found.isEmpty() ? Connection.NONE : found.getFirst(), now + CACHE_MILLIS);
            cache.put(tenant, cached);
        }
        return cached.connection();
    }

    Optional<String> signingSecret() {
        return Optional.ofNullable(current().signingSecret()).filter(secret -> !secret.isBlank());
    }

    @Transactional
    void save(Connection connection, UUID by) {
        UUID tenant = TenantContext.require();
        jdbc.update("""
                insert into telephony_settings (tenant_id, format, signing_secret, exchange_url, exchange_login,
                    exchange_password, updated_by, updated_at) values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id) do update set format = excluded.format,
                    signing_secret = excluded.signing_secret, exchange_url = excluded.exchange_url,
                    exchange_login = excluded.exchange_login, exchange_password = excluded.exchange_password,
                    updated_by = excluded.updated_by, updated_at = excluded.updated_at
                """, tenant, connection.format(), encrypt(connection.signingSecret()), connection.exchangeUrl(),
                connection.login(), encrypt(connection.password()), by, Timestamp.from(Instant.now()));
        cache.remove(tenant);
    }

    private static boolean plain(String stored) {
        return stored != null && !SecretEncryption.isEncrypted(stored);
    }

    /** An old plain value as it is stored now: encrypted (one already encrypted stays as it is). */
    private String seal(String stored) {
        return stored == null || SecretEncryption.isEncrypted(stored) ? stored : encryption.encrypt(stored);
    }

    /** A secret given by an ADMIN, encrypted whatever it looks like. */
    private String encrypt(String secret) {
        return secret == null ? null : encryption.encrypt(secret);
    }
}
