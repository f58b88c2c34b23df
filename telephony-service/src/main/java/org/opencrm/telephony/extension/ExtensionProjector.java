package org.opencrm.telephony.extension;

import java.sql.Timestamp;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.identity.UserUpdated;
import org.opencrm.platform.starter.events.IdempotentConsumer;
import org.opencrm.platform.starter.events.IncomingEvents;
import org.opencrm.platform.starter.security.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * A user's {@code pbxExtension} from identity ({@code user.updated}) maps that extension to them and drops the
 * extension identity gave them before; an extension changed later (by an ADMIN or a newer event) stays as it is.
 */
@Component
class ExtensionProjector {

    static final String CONSUMER = "extensions";

    private final IncomingEvents incoming;
    private final IdempotentConsumer inbox;
    private final JdbcTemplate jdbc;

    ExtensionProjector(IncomingEvents incoming, IdempotentConsumer inbox, JdbcTemplate jdbc) {
        this.incoming = incoming;
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(id = CONSUMER, groupId = "${spring.application.name}." + CONSUMER, topics = Topics.IDENTITY_USER)
    void on(ConsumerRecord<String, byte[]> record) {
        incoming.read(record).ifPresent(event -> {
            if (event.data() instanceof UserUpdated user) {
                inbox.handle(CONSUMER, event, e -> apply(user));
            }
        });
    }

    private void apply(UserUpdated user) {
        UUID tenant = TenantContext.require();
        Timestamp at = Timestamp.from(user.updatedAt());
        String extension = user.pbxExtension() == null || user.pbxExtension().isBlank() ? null
                : user.pbxExtension().strip();
        jdbc.update("""
                delete from extension where tenant_id = ? and user_id = ? and source = 'IDENTITY' and updated_at <= ?
                  and extension is distinct from ?""", tenant, user.userId(), at, extension);
        if (extension != null) {
            jdbc.update("""
                    insert into extension (tenant_id, extension, user_id, source, updated_at) values (?, ?, ?, 'IDENTITY', ?)
                    on conflict (tenant_id, extension) do update set user_id = excluded.user_id, source = 'IDENTITY',
                        updated_at = excluded.updated_at
                    where extension.updated_at <= excluded.updated_at
                    """, tenant, extension, user.userId(), at);
        }
    }
}
