package org.opencrm.notifications.directory;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencrm.platform.starter.security.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** The current company's users and its name, as {@link StaffProjector} keeps them. */
@Service
public class Staff {

    private final JdbcTemplate jdbc;

    Staff(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The user in the current tenant; empty when unknown here or another company's. */
    public Optional<Person> find(UUID userId) {
        if (userId == null) {
            return Optional.empty();
        }
        List<Person> found = jdbc.query("""
                select id, email, first_name, last_name, work_phone, language, active from person
                where id = ? and tenant_id = ?""", (row, n) -> new Person(row.getObject("id", UUID.class),
                row.getString("email"), row.getString("first_name"), row.getString("last_name"),
                row.getString("work_phone"), row.getString("language"), row.getBoolean("active")),
                userId, TenantContext.require());
        return found.stream().findFirst();
    }

    /** The current company's name, when its sign-up was seen. */
    public Optional<String> companyName() {
        return jdbc.queryForList("select name from tenant where id = ?", String.class, TenantContext.require())
                .stream().findFirst();
    }
}
