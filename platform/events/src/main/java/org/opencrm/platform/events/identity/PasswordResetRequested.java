package org.opencrm.platform.events.identity;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * A user asked to reset their password; notifications-service e-mails them {@code resetPath} (with the
 * single-use token), relative to the CRM's address, in {@code language} (en, ru or uk: the app's language when
 * it was asked; added later, null in older events).
 */
public record PasswordResetRequested(UUID userId, String email, String resetPath, Instant expiresAt, String language)
        implements DomainEvent {

    public static final String TYPE = "user.password-reset-requested";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.IDENTITY_USER;
    }

    @Override
    public String aggregateId() {
        return userId.toString();
    }
}
