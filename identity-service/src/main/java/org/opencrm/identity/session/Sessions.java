package org.opencrm.identity.session;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencrm.identity.user.User;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Sign-in, token refresh and sign-out. */
@Service
public class Sessions {


    private final JdbcTemplate jdbc;
    private final PasswordEncoder passwords;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final LoginThrottle throttle;
    private final TokenSettings settings;
    private final TransactionTemplate transactions;
    /** Compared against when the e-mail is unknown, so both answers take as long. */
    private final String noUserHash;

    Sessions(JdbcTemplate jdbc, PasswordEncoder passwords, AccessTokens accessTokens, RefreshTokens refreshTokens,
            LoginThrottle throttle, TokenSettings settings, TransactionTemplate transactions) {
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.passwords = passwords;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.throttle = throttle;
        this.settings = settings;
        this.noUserHash = passwords.encode(UUID.randomUUID().toString());
    }

    /**
     * Signs in with e-mail and password; the same answer for an unknown e-mail and a wrong password. Not
     * one transaction: the attempt is counted (in its own) and the slow password check runs before any
     * connection is held for the session's rows.
     */
    public TokenResponse signIn(String email, String password, String clientAddress) {
        String normalised = User.normaliseEmail(email);
        throttle.attempt(normalised, clientAddress);
        Optional<SessionUser> user = findByEmail(normalised);
        boolean matches = passwords.matches(password, user.map(SessionUser::passwordHash).orElse(noUserHash));
        if (user.isEmpty() || !matches || !user.get().active()) {
            throw new InvalidCredentialsException("Wrong e-mail or password.");
        }
        return transactions.execute(status -> start(user.get(), UUID.randomUUID()));
    }

    /** A session for a user who just proved who they are another way (signing up, accepting an invitation). */
    @Transactional
    public TokenResponse startFor(User user) {
        return start(new SessionUser(user.id(), user.tenantId(), user.role().name(), user.departmentId(),
                user.status().name(), null), UUID.randomUUID());
    }

    /** Exchanges a refresh token for new tokens; the old one can never be used again. */
    @Transactional(noRollbackFor = InvalidCredentialsException.class)
    public TokenResponse refresh(String refreshToken) {
        var use = refreshTokens.use(refreshToken)
                .orElseThrow(() -> new InvalidCredentialsException("The refresh token is not valid; sign in again."));
        SessionUser user = findById(use.userId()).filter(SessionUser::active)
                .orElseThrow(() -> new InvalidCredentialsException("The account can no longer sign in."));
        return start(user, use.familyId());
    }

    /** Counts a sign-in-like attempt (a password reset request) against the same limits as sign-ins. */
    public void countAttempt(String email, String clientAddress) {
        throttle.attempt(User.normaliseEmail(email), clientAddress);
    }

    /** Ends every session of the user (a new password). */
    public void endAllOf(UUID userId) {
        refreshTokens.revokeAllOf(userId);
    }

    /** Ends the session the refresh token belongs to. */
    @Transactional
    public void signOut(String refreshToken) {
        refreshTokens.revokeFamilyOf(refreshToken);
    }

    private TokenResponse start(SessionUser user, UUID familyId) {
        String refresh = refreshTokens.issue(user.userId(), user.tenantId(), familyId);
        return new TokenResponse(accessTokens.issue(user), refresh, settings.accessTtl().toSeconds(), "Bearer");
    }

    // credentials are looked up before any tenant is known: by the unique e-mail or the user id of a
    // refresh token that was itself found by its secret
    private Optional<SessionUser> findByEmail(String email) {
        return first(jdbc.query(SELECT + " where email = ?", this::row, email));
    }

    private Optional<SessionUser> findById(UUID id) {
        return first(jdbc.query(SELECT + " where id = ?", this::row, id));
    }

    private static final String SELECT = "select id, tenant_id, role, department_id, status, password_hash from app_user";

    private SessionUser row(ResultSet row, int n) throws SQLException {
        return new SessionUser(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3),
                row.getObject(4, UUID.class), row.getString(5), row.getString(6));
    }

    private static Optional<SessionUser> first(List<SessionUser> rows) {
        return rows.stream().findFirst();
    }
}
