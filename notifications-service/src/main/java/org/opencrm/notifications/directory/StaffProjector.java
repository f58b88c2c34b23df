package org.opencrm.notifications.directory;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.identity.TenantCreated;
import org.opencrm.platform.events.identity.UserActivated;
import org.opencrm.platform.events.identity.UserDeactivated;
import org.opencrm.platform.events.identity.UserInvited;
import org.opencrm.platform.events.identity.UserUpdated;
import org.opencrm.platform.starter.events.IdempotentConsumer;
import org.opencrm.platform.starter.events.IncomingEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps {@code person}, {@code tenant} and {@code invitation_language} current from identity's events. One user's
 * events may arrive out of order, so a row changes only for an event at least as new as the one it came from.
 */
@Component
class StaffProjector {

    static final String CONSUMER = "staff";

    private final IncomingEvents incoming;
    private final IdempotentConsumer inbox;
    private final JdbcTemplate jdbc;

    StaffProjector(IncomingEvents incoming, IdempotentConsumer inbox, JdbcTemplate jdbc) {
        this.incoming = incoming;
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(id = CONSUMER, groupId = "${spring.application.name}." + CONSUMER,
            topics = {Topics.IDENTITY_USER, Topics.IDENTITY_TENANT})
    void on(ConsumerRecord<String, byte[]> record) {
        incoming.read(record).ifPresent(event -> {
            switch (event.data()) {
                case UserActivated user -> inbox.handle(CONSUMER, event, e -> activated(e, user));
                case UserUpdated user -> inbox.handle(CONSUMER, event, e -> upsert(e, user.userId(), user.email(),
                        user.firstName(), user.lastName(), true, user.workPhone(), null, user.updatedAt()));
                case UserDeactivated user -> inbox.handle(CONSUMER, event, e -> jdbc.update("""
                        insert into person (id, tenant_id, active, changed_at) values (?, ?, false, ?)
                        on conflict (id) do update set active = false, changed_at = excluded.changed_at
                        where person.changed_at <= excluded.changed_at and person.tenant_id = excluded.tenant_id
                        """, user.userId(), e.tenantId(), Timestamp.from(user.deactivatedAt())));
                case UserInvited invited when invited.language() != null -> inbox.handle(CONSUMER, event,
                        e -> jdbc.update("""
                                insert into invitation_language (tenant_id, email, language, invited_at)
                                values (?, ?, ?, ?)
                                on conflict (tenant_id, email) do update set language = excluded.language,
                                    invited_at = excluded.invited_at
                                where invitation_language.invited_at <= excluded.invited_at
                                """, e.tenantId(), invited.email().toLowerCase(), invited.language(),
                                Timestamp.from(e.time())));
                case TenantCreated tenant -> inbox.handle(CONSUMER, event, e -> jdbc.update("""
                        insert into tenant (id, name) values (?, ?) on conflict (id) do update set name = excluded.name
                        """, tenant.tenantId(), tenant.name()));
                default -> {
                }
            }
        });
    }

    private void activated(EventEnvelope event, UserActivated user) {
        String language = jdbc.queryForList("select language from invitation_language where tenant_id = ? and email = ?",
                String.class, event.tenantId(), user.email().toLowerCase()).stream().findFirst().orElse(null);
        upsert(event, user.userId(), user.email(), user.firstName(), user.lastName(), false, null, language,
                user.activatedAt());
        jdbc.update("update person set active = true where id = ? and tenant_id = ? and changed_at <= ?",
                user.userId(), event.tenantId(), Timestamp.from(user.activatedAt()));
    }

    /**
     * {@code withPhone} false keeps the row's work phone (user.activated carries none); a null {@code language}
     * keeps the row's, and a known one is never replaced by the invitation's.
     */
    private void upsert(EventEnvelope event, UUID userId, String email, String firstName, String lastName,
            boolean withPhone, String workPhone, String language, Instant at) {
        jdbc.update("""
                insert into person (id, tenant_id, email, first_name, last_name, work_phone, language, active, changed_at)
                values (?, ?, ?, ?, ?, ?, ?, true, ?)
                on conflict (id) do update set email = excluded.email, first_name = excluded.first_name,
                    last_name = excluded.last_name, work_phone = case when ? then excluded.work_phone else person.work_phone end,
                    language = coalesce(person.language, excluded.language), changed_at = excluded.changed_at
                where person.changed_at <= excluded.changed_at and person.tenant_id = excluded.tenant_id
                """, userId, event.tenantId(), email == null ? null : email.toLowerCase(), firstName, lastName,
                workPhone, language, Timestamp.from(at), withPhone);
    }
}
