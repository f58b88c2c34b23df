package org.opencrm.notifications;

import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.identity.TenantCreated;
import org.opencrm.platform.events.identity.UserActivated;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.TestTokens;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.jdbc.core.JdbcTemplate;

/** A fresh company for one test: its tenant, an administrator, and users hired through identity's events. */
public final class Company {

    public final UUID tenant = UUID.randomUUID();
    public final UUID admin = UUID.randomUUID();
    public final String name;
    private final int port;
    private final JdbcTemplate jdbc;

    public Company(int port, JdbcTemplate jdbc) {
        this(port, jdbc, "Kovalenko Trading LLC");
    }

    public Company(int port, JdbcTemplate jdbc, String name) {
        this.port = port;
        this.jdbc = jdbc;
        this.name = name;
        publish(new TenantCreated(tenant, name, admin, Instant.now()), null);
        hire(admin, "Ada", "Admin", "admin-" + tenant + "@example.com", "ADMIN");
    }

    /** A user of the company known to notifications-service (user.activated seen), with the given names. */
    public UUID hire(String firstName, String lastName, String email, String role) {
        return hire(UUID.randomUUID(), firstName, lastName, email, role);
    }

    private UUID hire(UUID id, String firstName, String lastName, String email, String role) {
        publish(new UserActivated(id, email, firstName, lastName, role, null, Instant.now()), null);
        await().until(() -> jdbc.queryForObject("select count(*) from person where id = ?", Integer.class, id) == 1);
        return id;
    }

    public ApiClient as(UUID user, String... roles) {
        return ApiClient.onPort(port).withToken(TestTokens.accessToken(tenant, user, roles));
    }

    public ApiClient admin() {
        return as(admin, "ADMIN");
    }

    /** Publishes an event of this company as another service would, done by {@code actor} (null: the system). */
    public UUID publish(DomainEvent event, UUID actor) {
        return TopicProbe.publish(event, tenant, actor);
    }
}
