package org.opencrm.platform.starter.directory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.identity.DepartmentChanged;
import org.opencrm.platform.events.identity.DepartmentDeleted;
import org.opencrm.platform.events.identity.UserActivated;
import org.opencrm.platform.events.identity.UserDeactivated;
import org.opencrm.platform.events.identity.UserUpdated;
import org.opencrm.platform.starter.events.IdempotentConsumer;
import org.opencrm.platform.starter.events.IncomingEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;

/**
 * Keeps {@code directory_user} and {@code directory_department} current from identity's events, in each
 * service's own consumer group ({@code <spring.application.name>.directory}). Events of one user may
 * arrive out of order, so a row changes only for an event newer than the one it came from.
 */
public class DirectoryProjector {

    static final String CONSUMER = "directory";

    private final IncomingEvents incoming;
    private final IdempotentConsumer inbox;
    private final JdbcTemplate jdbc;

    public DirectoryProjector(IncomingEvents incoming, IdempotentConsumer inbox, JdbcTemplate jdbc) {
        this.incoming = incoming;
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(id = CONSUMER, groupId = "${spring.application.name}." + CONSUMER, topics = Topics.IDENTITY_USER)
    void on(ConsumerRecord<String, byte[]> record) {
        incoming.read(record).ifPresent(event -> {
            switch (event.data()) {
                case UserActivated user -> inbox.handle(CONSUMER, event, e -> upsert(e, user.userId(), user.firstName(),
                        user.lastName(), user.role(), user.departmentId(), true, user.activatedAt()));
                case UserUpdated user -> inbox.handle(CONSUMER, event, e -> upsert(e, user.userId(), user.firstName(),
                        user.lastName(), user.role(), user.departmentId(), null, user.updatedAt()));
                case UserDeactivated user -> inbox.handle(CONSUMER, event, e -> deactivate(e, user.userId(),
                        user.deactivatedAt()));
                default -> {
                }
            }
        });
    }

    @KafkaListener(id = CONSUMER + "-departments", groupId = "${spring.application.name}." + CONSUMER + "-departments",
            topics = Topics.IDENTITY_DEPARTMENT)
    void onDepartment(ConsumerRecord<String, byte[]> record) {
        incoming.read(record).ifPresent(event -> {
            switch (event.data()) {
                case DepartmentChanged department -> inbox.handle(CONSUMER, event, e -> jdbc.update("""
                        insert into directory_department (id, tenant_id, parent_id, version) values (?, ?, ?, ?)
                        on conflict (id) do update set parent_id = excluded.parent_id, version = excluded.version
                        where directory_department.version < excluded.version and not directory_department.deleted
                          and directory_department.tenant_id = excluded.tenant_id
                        """, department.departmentId(), e.tenantId(), department.parentId(), department.version()));
                case DepartmentDeleted department -> inbox.handle(CONSUMER, event, e -> jdbc.update("""
                        insert into directory_department (id, tenant_id, version, deleted) values (?, ?, 0, true)
                        on conflict (id) do update set deleted = true
                        where directory_department.tenant_id = excluded.tenant_id
                        """, department.departmentId(), e.tenantId()));
                default -> {
                }
            }
        });
    }

    /** {@code active} null keeps what the row says (a profile change of a user not known yet counts as active). */
    private void upsert(EventEnvelope event, UUID userId, String firstName, String lastName, String role,
            UUID departmentId, Boolean active, Instant at) {
        jdbc.update("""
                insert into directory_user (id, tenant_id, first_name, last_name, role, department_id, active, changed_at)
                values (?, ?, ?, ?, ?, ?, coalesce(?, true), ?)
                on conflict (id) do update set first_name = excluded.first_name, last_name = excluded.last_name,
                    role = excluded.role, department_id = excluded.department_id,
                    active = coalesce(?, directory_user.active), changed_at = excluded.changed_at
                where directory_user.changed_at <= excluded.changed_at and directory_user.tenant_id = excluded.tenant_id
                """, userId, event.tenantId(), firstName, lastName, role, departmentId, active, Timestamp.from(at),
                active);
    }

    private void deactivate(EventEnvelope event, UUID userId, Instant at) {
        jdbc.update("""
                insert into directory_user (id, tenant_id, role, active, changed_at) values (?, ?, 'MANAGER', false, ?)
                on conflict (id) do update set active = false, changed_at = excluded.changed_at
                where directory_user.changed_at <= excluded.changed_at and directory_user.tenant_id = excluded.tenant_id
                """, userId, event.tenantId(), Timestamp.from(at));
    }
}
