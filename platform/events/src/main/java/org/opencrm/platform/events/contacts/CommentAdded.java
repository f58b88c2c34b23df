package org.opencrm.platform.events.contacts;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencrm.platform.events.DomainEvent;
import org.opencrm.platform.events.Topics;

/**
 * A colleague commented on a card: a contact or company (contacts-service), a lead or a deal
 * (deals-service); {@code mentions} are the users the comment calls on (notifications tells them). On the
 * topic of the card, keyed by the card, after the card's own events.
 *
 * @param cardType CONTACT, COMPANY, LEAD or DEAL
 * @param excerpt  the comment's beginning (at most 200 characters), for a notification's text
 */
public record CommentAdded(
        UUID commentId,
        String cardType,
        UUID cardId,
        UUID authorId,
        List<UUID> mentions,
        String excerpt,
        Instant createdAt) implements DomainEvent {

    public static final String TYPE = "comment.added";

    @Override
    public String eventType() {
        return TYPE;
    }

    @Override
    public String topic() {
        return switch (cardType) {
            case "COMPANY" -> Topics.CONTACTS_COMPANY;
            case "LEAD" -> Topics.DEALS_LEAD;
            case "DEAL" -> Topics.DEALS_DEAL;
            default -> Topics.CONTACTS_CONTACT;
        };
    }

    @Override
    public String aggregateId() {
        return cardId.toString();
    }
}
