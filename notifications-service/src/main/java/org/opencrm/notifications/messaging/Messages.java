package org.opencrm.notifications.messaging;

import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.opencrm.platform.starter.security.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Queues e-mails and SMS in the message outbox, written out in the recipient's language, inside the transaction
 * of the event that asks for them. Each message's key is the source event, the template and the recipient: the
 * same event handled again queues nothing more. {@link MessageSender} sends them.
 */
@Service
public class Messages {

    /** The e-mail template of a notification a user chose to get by e-mail. */
    public static final String NOTIFICATION = "notification";
    /** The SMS template of a missed call. */
    public static final String CALL_MISSED = "call-missed";

    private final JdbcTemplate jdbc;
    private final Templates templates;
    private final MessagingSettings settings;

    Messages(JdbcTemplate jdbc, Templates templates, MessagingSettings settings) {
        this.jdbc = jdbc;
        this.templates = templates;
        this.settings = settings;
    }

    /**
     * Queues an e-mail. {@code values} fill the template; {@code link} is made absolute from
     * {@code crm.notifications.public-url} (the CRM's address when not given).
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void email(UUID sourceEventId, String template, String language, String recipient, UUID userId,
            UUID contactId, Map<String, String> values) {
        String lang = Templates.language(language);
        Templates.Text text = templates.email(template, lang, withLink(values));
        queue(Channel.EMAIL, sourceEventId, template, lang, recipient.toLowerCase(), userId, contactId, text.subject(),
                text.body());
    }

    /** Queues an SMS to an E.164 phone; nothing when no SMS provider is configured. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void sms(UUID sourceEventId, String template, String language, String phone, UUID userId, UUID contactId,
            Map<String, String> values) {
        if (!settings.sms().enabled()) {
            return;
        }
        String lang = Templates.language(language);
        queue(Channel.SMS, sourceEventId, template, lang, phone, userId, contactId, null,
                templates.sms(template, lang, withLink(values)));
    }

    private Map<String, String> withLink(Map<String, String> values) {
        Map<String, String> all = new HashMap<>(values);
        all.compute("link", (name, path) -> settings.link(path == null ? "/" : path));
        return all;
    }

    private void queue(Channel channel, UUID sourceEventId, String template, String language, String recipient,
            UUID userId, UUID contactId, String subject, String body) {
        Timestamp now = Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MICROS));
        jdbc.update("""
                insert into outgoing_message (id, tenant_id, message_key, channel, template, language, recipient,
                    user_id, contact_id, subject, body, status, created_at, next_attempt_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'PENDING', ?, ?)
                on conflict (tenant_id, message_key) do nothing
                """, UUID.randomUUID(), TenantContext.require(), sourceEventId + "/" + template + "/" + recipient,
                channel.name(), template, language, recipient, userId, contactId, subject, body, now, now);
    }
}
