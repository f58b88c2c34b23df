package org.opencrm.identity.passwordreset;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.opencrm.identity.session.Secrets;
import org.opencrm.identity.session.Sessions;
import org.opencrm.identity.user.Languages;
import org.opencrm.identity.user.User;
import org.opencrm.platform.events.identity.PasswordResetRequested;
import org.opencrm.platform.starter.events.EventPublisher;
import org.opencrm.platform.starter.security.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Password reset by e-mail: a request answers the same whether or not the e-mail is known; for an
 * active account it raises {@code user.password-reset-requested} with a single-use link valid for an
 * hour. Setting the new password ends every session of the account.
 */
@Service
class PasswordResets {

    static final Duration VALID_FOR = Duration.ofHours(1);
    static final String RESET_PATH = "/reset-password?token=";

    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final EventPublisher events;
    private final Sessions sessions;
    private final TransactionTemplate transactions;

    PasswordResets(JdbcTemplate jdbc, PasswordEncoder passwords, EventPublisher events, Sessions sessions,
            TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.events = events;
        this.sessions = sessions;
        this.transactions = transactions;
    }

    void request(String email, String clientAddress) {
        String language = Languages.current();
        String normalised = User.normaliseEmail(email);
        sessions.countAttempt(normalised, clientAddress);
        var found = jdbc.query("select id, tenant_id from app_user where email = ? and status = 'ACTIVE'",
                (row, n) -> new UUID[] {row.getObject(1, UUID.class), row.getObject(2, UUID.class)}, normalised);
        if (found.isEmpty()) {
            return;
        }
        UUID userId = found.getFirst()[0];
        UUID tenantId = found.getFirst()[1];
        String token = Secrets.newSecret();
        Instant now = Instant.now();
        Instant expires = now.plus(VALID_FOR);
        TenantContext.runAs(tenantId, () -> transactions.executeWithoutResult(status -> {
            jdbc.update("""
                    insert into password_reset (id, tenant_id, user_id, token_hash, created_at, expires_at)
                    values (?, ?, ?, ?, ?, ?)
                    """, UUID.randomUUID(), tenantId, userId, Secrets.hash(token), Timestamp.from(now), Timestamp.from(expires));
            events.publish(new PasswordResetRequested(userId, normalised, RESET_PATH + token, expires,
                    language));
        }));
    }

    /** Sets the new password if the token is valid and unused; false otherwise. */
    boolean reset(String token, String newPassword) {
        String hash = passwords.encode(newPassword);
        Boolean done = transactions.execute(status -> {
            var claimed = jdbc.query("""
                    update password_reset set used_at = now()
                    where token_hash = ? and used_at is null and expires_at > now()
                    returning user_id
                    """, (row, n) -> row.getObject(1, UUID.class), Secrets.hash(token));
            if (claimed.isEmpty()) {
                return false;
            }
            UUID userId = claimed.getFirst();
            jdbc.update("update app_user set password_hash = ?, updated_at = now(), version = version + 1 "
                    + "where id = ? and status = 'ACTIVE'", hash, userId);
            sessions.endAllOf(userId);
            return true;
        });
        return Boolean.TRUE.equals(done);
    }

}
