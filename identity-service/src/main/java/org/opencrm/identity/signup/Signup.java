package org.opencrm.identity.signup;

import java.util.UUID;
import org.opencrm.identity.session.Sessions;
import org.opencrm.identity.tenant.Tenant;
import org.opencrm.identity.tenant.TenantRepository;
import org.opencrm.identity.user.User;
import org.opencrm.identity.user.UserRepository;
import org.opencrm.platform.events.identity.TenantCreated;
import org.opencrm.platform.events.identity.UserActivated;
import org.opencrm.platform.starter.events.EventPublisher;
import org.opencrm.platform.starter.security.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/** Creates a company and its first administrator, raises their events, and opens a session. */
@Service
class Signup {

    private final TenantRepository tenants;
    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final EventPublisher events;
    private final Sessions sessions;
    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;

    Signup(TenantRepository tenants, UserRepository users, PasswordEncoder passwords, EventPublisher events,
            Sessions sessions, JdbcTemplate jdbc, TransactionTemplate transactions) {
        this.tenants = tenants;
        this.users = users;
        this.passwords = passwords;
        this.events = events;
        this.sessions = sessions;
        this.jdbc = jdbc;
        this.transactions = transactions;
    }

    SignupResponse signUp(SignupRequest request) {
        String email = User.normaliseEmail(request.email());
        // a readable answer for the common case; the unique index settles a race (409 as well)
        if (Boolean.TRUE.equals(jdbc.queryForObject("select exists (select 1 from app_user where email = ?)",
                Boolean.class, email))) {
            throw new EmailTakenException();
        }
        String hash = passwords.encode(request.password());
        UUID tenantId = UUID.randomUUID();
        // the new company's id is the tenant of the transaction that creates its rows
        return TenantContext.callAs(tenantId, () -> transactions.execute(status -> {
            Tenant tenant = tenants.save(new Tenant(tenantId, request.companyName().trim()));
            User founder = users.saveAndFlush(User.founder(email, request.fullName(), hash));
            events.publish(new TenantCreated(tenant.id(), tenant.name(), founder.id(), tenant.createdAt()));
            events.publish(new UserActivated(founder.id(), founder.email(), founder.firstName(), founder.lastName(),
                    founder.role().name(), founder.departmentId(), founder.createdAt()));
            return SignupResponse.of(tenantId, founder.id(), sessions.startFor(founder));
        }));
    }
}
