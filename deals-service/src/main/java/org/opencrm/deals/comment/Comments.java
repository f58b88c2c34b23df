package org.opencrm.deals.comment;

import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opencrm.deals.access.Access;
import org.opencrm.deals.card.CardKind;
import org.opencrm.deals.card.CardRef;
import org.opencrm.deals.card.Cards;
import org.opencrm.platform.events.contacts.CommentAdded;
import org.opencrm.platform.starter.directory.Visibility;
import org.opencrm.platform.starter.events.EventPublisher;
import org.opencrm.platform.starter.web.NewestFirst;
import org.opencrm.platform.starter.web.NotFoundException;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on leads and deals, as on contact cards: whoever sees the card may comment (a MARKETER too: a
 * comment is a conversation, not a change of the card) and mention active colleagues; {@code comment.added}
 * (cardType LEAD or DEAL, on the card's topic) tells notifications-service whom to notify. Only the author
 * edits a comment; the author or an ADMIN removes it.
 */
@Service
class Comments {

    /** A comment as the API shows it. */
    record View(UUID id, UUID authorId, String body, List<UUID> mentions, Instant createdAt, Instant editedAt) {

        static View of(Comment c) {
            return new View(c.id(), c.authorId(), c.body(), c.mentions(), c.createdAt(), c.editedAt());
        }
    }

    /** What a user writes. */
    record Draft(@NotBlank @Size(max = 5000) String body, @Size(max = 20) List<UUID> mentions) {
    }

    /** One page of comments, newest first. */
    record Page(List<View> items, String nextCursor) {
    }

    private final CommentRepository comments;
    private final Map<CardKind, Cards> cards;
    private final Access access;
    private final EventPublisher events;
    private final EntityManager entityManager;

    Comments(CommentRepository comments, List<Cards> cards, Access access, EventPublisher events,
            EntityManager entityManager) {
        this.comments = comments;
        this.cards = cards.stream().collect(Collectors.toMap(Cards::kind, Function.identity()));
        this.access = access;
        this.events = events;
        this.entityManager = entityManager;
    }

    @Transactional(readOnly = true)
    public Page of(CardKind kind, UUID id, String cursor, int limit) {
        cards.get(kind).visible(id, access.visibility());
        int size = Math.clamp(limit <= 0 ? 30 : limit, 1, 100);
        NewestFirst after = NewestFirst.decode(cursor);
        List<Comment> found = comments.of(kind, id, after.before(), after.beforeId(), Limit.of(size + 1));
        String next = null;
        if (found.size() > size) {
            found = found.subList(0, size);
            Comment last = found.getLast();
            next = NewestFirst.encode(last.createdAt(), last.id());
        }
        return new Page(found.stream().map(View::of).toList(), next);
    }

    @Transactional
    public View add(CardKind kind, UUID id, Draft draft) {
        Visibility visibility = access.visibility();
        CardRef card = cards.get(kind).visible(id, visibility);
        List<UUID> mentions = access.colleagues(draft.mentions(), "mentions");
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var comment = new Comment(kind, card.id(), visibility.user().userId(), draft.body().strip(), mentions, now);
        entityManager.persist(comment);
        events.publish(new CommentAdded(comment.id(), kind.name(), card.id(), comment.authorId(), mentions,
                excerpt(comment.body()), now));
        return View.of(comment);
    }

    @Transactional
    public View edit(CardKind kind, UUID id, UUID commentId, Draft draft) {
        Visibility visibility = access.visibility();
        cards.get(kind).visible(id, visibility);
        Comment comment = find(kind, id, commentId);
        if (!comment.authorId().equals(visibility.user().userId())) {
            throw new AccessDeniedException("Only the author edits a comment.");
        }
        comment.edit(draft.body().strip(), access.colleagues(draft.mentions(), "mentions"),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        return View.of(comment);
    }

    @Transactional
    public void remove(CardKind kind, UUID id, UUID commentId) {
        Visibility visibility = access.visibility();
        cards.get(kind).visible(id, visibility);
        Comment comment = find(kind, id, commentId);
        if (!comment.authorId().equals(visibility.user().userId()) && !visibility.user().hasRole("ADMIN")) {
            throw new AccessDeniedException("Only the author or an administrator removes a comment.");
        }
        comments.delete(comment);
    }

    private Comment find(CardKind kind, UUID id, UUID commentId) {
        return comments.findById(commentId).filter(c -> c.cardType() == kind && c.cardId().equals(id))
                .orElseThrow(() -> new NotFoundException("Comment", commentId));
    }

    private static String excerpt(String body) {
        return body.length() <= 200 ? body : body.substring(0, 199) + "…";
    }
}
