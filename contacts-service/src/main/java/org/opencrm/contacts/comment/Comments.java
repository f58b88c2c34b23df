package org.opencrm.contacts.comment;

import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opencrm.contacts.card.CardRef;
import org.opencrm.contacts.card.Cards;
import org.opencrm.platform.events.contacts.CommentAdded;
import org.opencrm.platform.starter.directory.Directory;
import org.opencrm.platform.starter.directory.Visibility;
import org.opencrm.platform.starter.events.EventPublisher;
import org.opencrm.platform.starter.security.CurrentUser;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.NewestFirst;
import org.opencrm.platform.starter.web.NotFoundException;
import org.opencrm.platform.starter.web.ProblemDetailsAdvice.FieldProblem;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Comments on contact and company cards. Whoever sees a card may comment on it (a MARKETER too: a
 * comment is a conversation about the client, not a change of the card) and mention active colleagues;
 * {@code comment.added} tells notifications-service whom to notify. Only the author edits a comment;
 * the author or an ADMIN removes it.
 */
@Service
public class Comments {

    /** A comment as the API shows it. */
    public record View(UUID id, UUID authorId, String body, List<UUID> mentions, Instant createdAt, Instant editedAt) {

        static View of(Comment c) {
            return new View(c.id(), c.authorId(), c.body(), c.mentions(), c.createdAt(), c.editedAt());
        }
    }

    /** What a user writes. */
    public record Draft(@NotBlank @Size(max = 5000) String body, @Size(max = 20) List<UUID> mentions) {
    }

    /** One page of comments, newest first. */
    public record Page(List<View> items, String nextCursor) {
    }

    private final CommentRepository comments;
    private final Map<CardRef.Kind, Cards> cards;
    private final Directory directory;
    private final EventPublisher events;
    private final EntityManager entityManager;

    Comments(CommentRepository comments, List<Cards> cards, Directory directory, EventPublisher events,
            EntityManager entityManager) {
        this.comments = comments;
        this.cards = cards.stream().collect(Collectors.toMap(Cards::kind, Function.identity()));
        this.directory = directory;
        this.events = events;
        this.entityManager = entityManager;
    }

    @Transactional(readOnly = true)
    public Page of(CardRef.Kind kind, UUID id, String cursor, int limit) {
        cards.get(kind).visible(id, visibility());
        int size = Math.clamp(limit <= 0 ? 30 : limit, 1, 100);
        NewestFirst after = NewestFirst.decode(cursor);
        List<Comment> found = kind == CardRef.Kind.CONTACT
                ? comments.ofContact(id, after.before(), after.beforeId(), Limit.of(size + 1))
                : comments.ofCompany(id, after.before(), after.beforeId(), Limit.of(size + 1));
        String next = null;
        if (found.size() > size) {
            found = found.subList(0, size);
            Comment last = found.getLast();
            next = NewestFirst.encode(last.createdAt(), last.id());
        }
        return new Page(found.stream().map(View::of).toList(), next);
    }

    @Transactional
    public View add(CardRef.Kind kind, UUID id, Draft draft) {
        Visibility visibility = visibility();
        CardRef card = cards.get(kind).visible(id, visibility);
        List<UUID> mentions = mentions(draft.mentions());
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        var comment = new Comment(kind == CardRef.Kind.CONTACT ? id : null, kind == CardRef.Kind.COMPANY ? id : null,
                visibility.user().userId(), draft.body().strip(), mentions, now);
        entityManager.persist(comment);
        events.publish(new CommentAdded(comment.id(), card.kind().name(), card.id(), comment.authorId(), mentions,
                excerpt(comment.body()), now));
        return View.of(comment);
    }

    @Transactional
    public View edit(CardRef.Kind kind, UUID id, UUID commentId, Draft draft) {
        Visibility visibility = visibility();
        cards.get(kind).visible(id, visibility);
        Comment comment = find(kind, id, commentId);
        if (!comment.authorId().equals(visibility.user().userId())) {
            throw new AccessDeniedException("Only the author edits a comment.");
        }
        comment.edit(draft.body().strip(), mentions(draft.mentions()), Instant.now().truncatedTo(ChronoUnit.MICROS));
        return View.of(comment);
    }

    @Transactional
    public void remove(CardRef.Kind kind, UUID id, UUID commentId) {
        Visibility visibility = visibility();
        cards.get(kind).visible(id, visibility);
        Comment comment = find(kind, id, commentId);
        if (!comment.authorId().equals(visibility.user().userId()) && !visibility.user().hasRole("ADMIN")) {
            throw new AccessDeniedException("Only the author or an administrator removes a comment.");
        }
        comments.delete(comment);
    }

    private Comment find(CardRef.Kind kind, UUID id, UUID commentId) {
        return comments.findById(commentId)
                .filter(c -> id.equals(kind == CardRef.Kind.CONTACT ? c.contactId() : c.companyId()))
                .orElseThrow(() -> new NotFoundException("Comment", commentId));
    }

    /** Each mention must be an active colleague; the caller may mention themselves, once. */
    private List<UUID> mentions(List<UUID> requested) {
        if (requested == null || requested.isEmpty()) {
            return List.of();
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<UUID> distinct = requested.stream().distinct().toList();
        for (int i = 0; i < distinct.size(); i++) {
            if (distinct.get(i) == null || directory.find(distinct.get(i)).filter(Directory.Member::active).isEmpty()) {
                problems.add(new FieldProblem("mentions[" + i + "]", "is not an active user of the company"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return distinct;
    }

    private Visibility visibility() {
        return Visibility.of(CurrentUser.require(), directory);
    }

    private static String excerpt(String body) {
        return body.length() <= 200 ? body : body.substring(0, 199) + "…";
    }
}
