package org.opencrm.notifications.messaging;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencrm.platform.starter.web.NewestFirst;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The company's e-mails and SMS with how sending them went, newest first, for administrators. */
@RestController
class MessageLogController {

    /** One message as the log shows it; {@code recipient} is an e-mail address or an E.164 phone. */
    record Entry(UUID id, Channel channel, String template, String language, String recipient, UUID userId,
            UUID contactId, String subject, MessageStatus status, int attempts, String lastError,
            String providerMessageId, Instant createdAt, Instant nextAttemptAt, Instant finishedAt) {

        static Entry of(OutgoingMessage m) {
            return new Entry(m.id(), m.channel(), m.template(), m.language(), m.recipient(), m.userId(), m.contactId(),
                    m.subject(), m.status(), m.attempts(), m.lastError(), m.providerMessageId(), m.createdAt(),
                    m.status() == MessageStatus.PENDING ? m.nextAttemptAt() : null, m.finishedAt());
        }
    }

    record Page(List<Entry> items, String nextCursor) {
    }

    private final OutgoingMessageRepository messages;

    MessageLogController(OutgoingMessageRepository messages) {
        this.messages = messages;
    }

    @GetMapping("/api/notifications/emails")
    @PreAuthorize("hasRole('ADMIN')")
    @Transactional(readOnly = true)
    Page log(@RequestParam(required = false) Channel channel, @RequestParam(required = false) MessageStatus status,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        int size = Math.clamp(limit <= 0 ? 50 : limit, 1, 200);
        NewestFirst after = NewestFirst.decode(cursor);
        List<OutgoingMessage> found = messages.log(channel, status, after.before(), after.beforeId(),
                Limit.of(size + 1));
        String next = null;
        if (found.size() > size) {
            found = found.subList(0, size);
            next = NewestFirst.encode(found.getLast().createdAt(), found.getLast().id());
        }
        return new Page(found.stream().map(Entry::of).toList(), next);
    }
}
