package org.opencrm.notifications.messaging;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.opencrm.platform.events.notifications.EmailFailed;
import org.opencrm.platform.events.notifications.EmailSent;
import org.opencrm.platform.events.notifications.SmsFailed;
import org.opencrm.platform.events.notifications.SmsSent;
import org.opencrm.platform.starter.events.EventPublisher;
import org.opencrm.platform.starter.security.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the due messages of the message outbox, on every instance: each look claims a batch with
 * {@code for update skip locked} and moves its {@code next_attempt_at} a lease ahead in one short transaction,
 * so two instances never send the same message and one that died mid-send leaves it to another after the
 * lease. Sending happens outside any transaction; the outcome (sent, a retry with a doubling wait, or given up)
 * is recorded with its {@code email.*} / {@code sms.*} event in one transaction per message.
 */
@Component
class MessageSender {

    private static final Logger log = LoggerFactory.getLogger(MessageSender.class);

    private record Claim(UUID id, UUID tenantId) {
    }

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EntityManager entityManager;
    private final MailChannel mail;
    private final SmsProvider sms;
    private final EventPublisher events;
    private final MessagingSettings settings;

    MessageSender(JdbcTemplate jdbc, TransactionTemplate transactions, EntityManager entityManager, MailChannel mail,
            SmsProvider sms, EventPublisher events, MessagingSettings settings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.entityManager = entityManager;
        this.mail = mail;
        this.sms = sms;
        this.events = events;
        this.settings = settings;
    }

    @Scheduled(fixedDelayString = "${crm.notifications.delivery.interval:2s}",
            initialDelayString = "${crm.notifications.delivery.interval:2s}")
    void sendDue() {
        List<Claim> claimed;
        do {
            claimed = claim();
            claimed.forEach(this::send);
        } while (claimed.size() == settings.delivery().batch());
    }

    private List<Claim> claim() {
        return transactions.execute(status -> jdbc.query("""
                update outgoing_message set next_attempt_at = now() + cast(? as interval)
                where id in (select id from outgoing_message where status = 'PENDING' and next_attempt_at <= now()
                             order by next_attempt_at limit ? for update skip locked)
                returning id, tenant_id
                """, (row, n) -> new Claim(row.getObject("id", UUID.class), row.getObject("tenant_id", UUID.class)),
                settings.delivery().lease().toSeconds() + " seconds", settings.delivery().batch()));
    }

    private void send(Claim claim) {
        TenantContext.runAs(claim.tenantId(), () -> {
            OutgoingMessage message = transactions.execute(status -> entityManager.find(OutgoingMessage.class,
                    claim.id()));
            if (message == null || message.status() != MessageStatus.PENDING) {
                return;
            }
            String providerId = null;
            DeliveryException failure = null;
            try {
                if (message.channel() == Channel.EMAIL) {
                    mail.send(message.recipient(), message.subject(), message.body());
                } else {
                    providerId = sms.send(message.recipient(), message.body());
                }
            } catch (DeliveryException e) {
                failure = e;
            } catch (RuntimeException e) {
                failure = new DeliveryException(e.getClass().getSimpleName() + ": " + e.getMessage(), false, e);
            }
            record(claim.id(), providerId, failure);
        });
    }

    private void record(UUID id, String providerId, DeliveryException failure) {
        transactions.executeWithoutResult(status -> {
            OutgoingMessage message = entityManager.find(OutgoingMessage.class, id);
            Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
            if (failure == null) {
                message.sent(providerId, now);
                events.publish(message.channel() == Channel.EMAIL
                        ? new EmailSent(message.id(), message.template(), message.recipient(), message.userId(),
                                message.contactId(), message.subject(), message.language(), message.attempts(), now)
                        : new SmsSent(message.id(), message.template(), message.recipient(), message.userId(),
                                message.contactId(), providerId, message.attempts(), now));
            } else if (failure.permanent() || message.attempts() + 1 >= settings.delivery().maxAttempts()) {
                message.failed(failure.getMessage(), now);
                log.warn("Gave up the {} {} after {} attempts: {}", message.channel(), message.id(),
                        message.attempts(), failure.getMessage());
                events.publish(message.channel() == Channel.EMAIL
                        ? new EmailFailed(message.id(), message.template(), message.recipient(), message.userId(),
                                message.contactId(), message.subject(), message.lastError(), message.attempts(), now)
                        : new SmsFailed(message.id(), message.template(), message.recipient(), message.userId(),
                                message.contactId(), message.lastError(), message.attempts(), now));
            } else {
                message.retryAt(failure.getMessage(), now.plus(settings.delivery().retryAfter(message.attempts() + 1)));
                log.info("The {} {} failed (attempt {}), trying again at {}: {}", message.channel(), message.id(),
                        message.attempts(), message.nextAttemptAt(), failure.getMessage());
            }
        });
    }
}
