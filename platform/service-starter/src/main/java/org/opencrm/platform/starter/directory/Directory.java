package org.opencrm.platform.starter.directory;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencrm.platform.starter.security.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The company's staff as a service knows them from identity's events: who may own a record and which
 * department each owner is in. Kept current by {@link DirectoryProjector}; a user is known here a few
 * milliseconds after identity-service commits them. A service gets it with {@code crm.directory.enabled=true}
 * and {@code classpath:db/directory} among its Flyway locations.
 */
public class Directory {

    /** A member of staff. */
    public record Member(UUID id, String firstName, String lastName, String role, UUID departmentId, boolean active) {
    }

    private final JdbcTemplate jdbc;

    public Directory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** A member of the current company, active or not. */
    public Optional<Member> find(UUID userId) {
        return jdbc.query("""
                select id, first_name, last_name, role, department_id, active from directory_user
                where id = ? and tenant_id = ?
                """, Directory::member, userId, TenantContext.require()).stream().findFirst();
    }

    /** The active members of the current company. */
    public List<Member> active() {
        return jdbc.query("""
                select id, first_name, last_name, role, department_id, active from directory_user
                where tenant_id = ? and active
                """, Directory::member, TenantContext.require());
    }

    /** Whether the user is an active member of the current company. */
    public boolean isActive(UUID userId) {
        return find(userId).filter(Member::active).isPresent();
    }

    private static Member member(ResultSet row, int n) throws SQLException {
        return new Member(row.getObject(1, UUID.class), row.getString(2), row.getString(3), row.getString(4),
                row.getObject(5, UUID.class), row.getBoolean(6));
    }

    /** The members of the current company in a department and all departments under it. */
    public List<UUID> membersOf(UUID departmentId) {
        UUID tenant = TenantContext.require();
        return jdbc.queryForList("""
                with recursive tree(id) as (
                    select cast(? as uuid)
                    union
                    select d.id from directory_department d join tree t on d.parent_id = t.id
                    where d.tenant_id = ? and not d.deleted)
                select u.id from directory_user u where u.tenant_id = ? and u.department_id in (select id from tree)
                """, UUID.class, departmentId, tenant, tenant);
    }
}
