package org.opencrm.notifications.messaging;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** An e-mail or SMS in the message outbox, with how sending it went. Rows are inserted by {@link Messages}. */
@Entity
@Table(name = "outgoing_message")
class OutgoingMessage {

    @Id
    private UUID id;

    @TenantId
    @Column(name = "tenant_id", nullable = false, updatable = false)
    private UUID tenantId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, updatable = false)
    private Channel channel;

    @Column(nullable = false, updatable = false)
    private String template;

    @Column(nullable = false, updatable = false)
    private String language;

    @Column(nullable = false, updatable = false)
    private String recipient;

    @Column(name = "user_id", updatable = false)
    private UUID userId;

    @Column(name = "contact_id", updatable = false)
    private UUID contactId;

    @Column(updatable = false)
    private String subject;

    @Column(nullable = false, updatable = false)
    private String body;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private MessageStatus status;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_error")
    private String lastError;

    @Column(name = "provider_message_id")
    private String providerMessageId;

    @Column(name = "created_at", nullable = false, updatable = false)
    private Instant createdAt;

    @Column(name = "next_attempt_at", nullable = false)
    private Instant nextAttemptAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    protected OutgoingMessage() {
    }

    void sent(String providerMessageId, Instant now) {
        this.attempts++;
        this.status = MessageStatus.SENT;
        this.providerMessageId = providerMessageId;
        this.finishedAt = now;
    }

    void retryAt(String error, Instant next) {
        this.attempts++;
        this.lastError = shorten(error);
        this.nextAttemptAt = next;
    }

    void failed(String reason, Instant now) {
        this.attempts++;
        this.status = MessageStatus.FAILED;
        this.lastError = shorten(reason);
        this.finishedAt = now;
    }

    private static String shorten(String text) {
        return text == null || text.length() <= 500 ? text : text.substring(0, 499) + "…";
    }

    UUID id() {
        return id;
    }

    Channel channel() {
        return channel;
    }

    String template() {
        return template;
    }

    String language() {
        return language;
    }

    String recipient() {
        return recipient;
    }

    UUID userId() {
        return userId;
    }

    UUID contactId() {
        return contactId;
    }

    String subject() {
        return subject;
    }

    String body() {
        return body;
    }

    MessageStatus status() {
        return status;
    }

    int attempts() {
        return attempts;
    }

    String lastError() {
        return lastError;
    }

    String providerMessageId() {
        return providerMessageId;
    }

    Instant createdAt() {
        return createdAt;
    }

    Instant nextAttemptAt() {
        return nextAttemptAt;
    }

    Instant finishedAt() {
        return finishedAt;
    }
}
