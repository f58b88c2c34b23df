package org.opencrm.platform.events.chat;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * A message was posted in a chat: colleagues' ({@code channel} {@code internal}, `002_*` 2.1.10; no contact, no
 * direction) or a conversation with a client through a messenger (`telegram`, `viber`, `web-chat`...), where
 * {@code direction} is {@code IN} from the client ({@code authorId} null) or {@code OUT} to them. {@code text}
 * holds at most 1,000 characters: the producer cuts longer texts. Keyed by the chat, so that one chat's messages
 * stay in order.
 */
public record MessagePosted(
        UUID messageId,
        UUID chatId,
        String channel,
        UUID contactId,
        String direction,
        UUID authorId,
        String text,
        Instant postedAt) implements DomainEvent {

    public static final String TYPE = "message.posted";
    /** The longest {@code text} the event carries. */
    public static final int MAX_TEXT_LENGTH = 1000;

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return Topics.CHAT_MESSAGE;
    }

    @Override
    public String aggregateId() {
        return chatId.toString();
    }
}
