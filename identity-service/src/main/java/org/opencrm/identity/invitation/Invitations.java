package org.opencrm.identity.invitation;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencrm.identity.session.Secrets;
import org.opencrm.identity.session.Sessions;
import org.opencrm.identity.session.TokenResponse;
import org.opencrm.identity.user.Languages;
import org.opencrm.identity.user.Role;
import org.opencrm.identity.user.User;
import org.opencrm.identity.user.UserRepository;
import org.opencrm.identity.user.Users;
import org.opencrm.platform.events.identity.UserActivated;
import org.opencrm.platform.events.identity.UserInvited;
import org.opencrm.platform.starter.events.EventPublisher;
import org.opencrm.platform.starter.security.CurrentUser;
import org.opencrm.platform.starter.security.TenantContext;
import org.opencrm.platform.starter.web.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Inviting colleagues: an administrator invites an e-mail with a role and department; the invitee opens
 * the link, sets their name and password, and is signed in. Tokens are single-use, expire after a week,
 * and are stored only as hashes. Until notifications-service e-mails them, the link is shown to the
 * inviting administrator.
 */
@Service
class Invitations {

    static final Duration VALID_FOR = Duration.ofDays(7);
    static final String ACCEPT_PATH = "/accept-invitation?token=";

    /** What the invitee sees before accepting. */
    record Preview(String email, String companyName, Role role, Instant expiresAt) {
    }

    /** An invitation as its administrator sees it; {@code acceptPath} only right after creating it. */
    record InvitationView(UUID id, String email, Role role, UUID departmentId, UUID invitedBy, Instant createdAt,
            Instant expiresAt, String acceptPath) {

        static InvitationView of(Invitation invitation, String acceptPath) {
            return new InvitationView(invitation.id(), invitation.email(), invitation.role(),
                    invitation.departmentId(), invitation.invitedBy(), invitation.createdAt(),
                    invitation.expiresAt(), acceptPath);
        }
    }

    private final InvitationRepository invitations;
    private final UserRepository users;
    private final Users directory;
    private final PasswordEncoder passwords;
    private final EventPublisher events;
    private final Sessions sessions;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    Invitations(InvitationRepository invitations, UserRepository users, Users directory, PasswordEncoder passwords,
            EventPublisher events, Sessions sessions, JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.invitations = invitations;
        this.users = users;
        this.directory = directory;
        this.passwords = passwords;
        this.events = events;
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public InvitationView invite(String email, Role role, UUID departmentId) {
        String normalised = User.normaliseEmail(email);
        directory.requireDepartment(departmentId);
        if (emailRegistered(normalised)) {
            throw new EmailInUseException();
        }
        // inviting the same person again replaces the earlier link
        invitations.findOpenFor(normalised).ifPresent(earlier -> {
            earlier.revoke();
            invitations.flush();
        });
        String token = Secrets.newSecret();
        Invitation invitation = invitations.saveAndFlush(new Invitation(normalised, role, departmentId,
                Secrets.hash(token), CurrentUser.require().userId(), VALID_FOR));
        String acceptPath = ACCEPT_PATH + token;
        events.publish(new UserInvited(invitation.id(), invitation.email(), role.name(), departmentId,
                invitation.invitedBy(), acceptPath, invitation.expiresAt(),
                Languages.current()));
        return InvitationView.of(invitation, acceptPath);
    }

    @Transactional(readOnly = true)
    @PreAuthorize("hasRole('ADMIN')")
    public List<InvitationView> open() {
        return invitations.findOpen().stream().filter(Invitation::open).map(i -> InvitationView.of(i, null)).toList();
    }

    @Transactional
    @PreAuthorize("hasRole('ADMIN')")
    public void revoke(UUID id) {
        invitations.findById(id).orElseThrow(() -> new NotFoundException("Invitation", id)).revoke();
    }

    /** The invitation behind a token, for the acceptance screen; no tenant is known yet. */
    @Transactional(readOnly = true)
    public Preview preview(String token) {
        return jdbc.query("""
                select i.email, t.name, i.role, i.expires_at from invitation i join tenant t on t.id = i.tenant_id
                where i.token_hash = ? and i.accepted_at is null and i.revoked_at is null and i.expires_at > now()
                """, (row, n) -> new Preview(row.getString(1), row.getString(2), Role.valueOf(row.getString(3)),
                row.getTimestamp(4).toInstant()), Secrets.hash(token)).stream().findFirst()
                .orElseThrow(InvitationNotValidException::new);
    }

    /** Accepts the invitation once: creates the user as invited and signs them in. */
    public TokenResponse accept(String token, String firstName, String lastName, String password) {
        String tokenHash = Secrets.hash(token);
        UUID tenantId = jdbc.query("select tenant_id from invitation where token_hash = ?",
                (row, n) -> row.getObject(1, UUID.class), tokenHash).stream().findFirst()
                .orElseThrow(InvitationNotValidException::new);
        String passwordHash = passwords.encode(password);
        return TenantContext.callAs(tenantId, () -> transactions.execute(status -> {
            var claimed = jdbc.query("""
                    update invitation set accepted_at = now(), version = version + 1
                    where token_hash = ? and accepted_at is null and revoked_at is null and expires_at > now()
                    returning email, role, department_id
                    """, (row, n) -> new Object[] {row.getString(1), Role.valueOf(row.getString(2)),
                    row.getObject(3, UUID.class)}, tokenHash);
            if (claimed.isEmpty()) {
                throw new InvitationNotValidException();
            }
            Object[] invitation = claimed.getFirst();
            if (emailRegistered((String) invitation[0])) {
                throw new EmailInUseException();
            }
            User user = users.saveAndFlush(User.invitee((String) invitation[0], firstName, lastName,
                    (Role) invitation[1], (UUID) invitation[2], passwordHash));
            events.publish(new UserActivated(user.id(), user.email(), user.firstName(), user.lastName(),
                    user.role().name(), user.departmentId(), user.createdAt()));
            return sessions.startFor(user);
        }));
    }

    private boolean emailRegistered(String email) {
        return Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from app_user where email = ?)",
                Boolean.class, email));
    }


}
