package org.opencrm.notifications.messaging;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opencrm.notifications.directory.Staff;
import org.opencrm.notifications.preference.Preferences;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.identity.PasswordResetRequested;
import org.opencrm.platform.events.identity.UserInvited;
import org.opencrm.platform.starter.events.IdempotentConsumer;
import org.opencrm.platform.starter.events.IncomingEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The e-mails of sign-in: the invitation (with the full accept link) and the password reset link, in the
 * language the event names (the app's when it was asked; for an older event without one, the user's preference or
 * English).
 */
@Component
class AccountMail {

    static final String CONSUMER = "account-mail";
    static final String INVITATION = "invitation";
    static final String PASSWORD_RESET = "password-reset";
    private static final DateTimeFormatter EXPIRY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private final IncomingEvents incoming;
    private final IdempotentConsumer inbox;
    private final Messages messages;
    private final Staff staff;
    private final Preferences preferences;

    AccountMail(IncomingEvents incoming, IdempotentConsumer inbox, Messages messages, Staff staff,
            Preferences preferences) {
        this.incoming = incoming;
        this.inbox = inbox;
        this.messages = messages;
        this.staff = staff;
        this.preferences = preferences;
    }

    @KafkaListener(id = CONSUMER, groupId = "${spring.application.name}." + CONSUMER, topics = Topics.IDENTITY_USER)
    void on(ConsumerRecord<String, byte[]> record) {
        incoming.read(record).ifPresent(event -> {
            switch (event.data()) {
                case UserInvited invited -> inbox.handle(CONSUMER, event, e -> messages.email(e.id(), INVITATION,
                        invited.language(), invited.email(), null, null, Map.of(
                                "link", invited.acceptPath(),
                                "company", staff.companyName().orElse("CRM"),
                                "expires", expiry(invited.expiresAt()))));
                case PasswordResetRequested reset -> inbox.handle(CONSUMER, event, e -> messages.email(e.id(),
                        PASSWORD_RESET, reset.language() != null ? reset.language()
                                : preferences.languageOf(reset.userId()),
                        reset.email(), reset.userId(), null, Map.of(
                                "link", reset.resetPath(),
                                "expires", expiry(reset.expiresAt()))));
                default -> {
                }
            }
        });
    }

    private static String expiry(Instant at) {
        return at == null ? "" : EXPIRY.format(at);
    }
}
