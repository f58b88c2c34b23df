package org.opencrm.contacts.timeline;

import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opencrm.contacts.card.CardRef;
import org.opencrm.contacts.card.Cards;
import org.opencrm.platform.starter.directory.Directory;
import org.opencrm.platform.starter.directory.Visibility;
import org.opencrm.platform.starter.security.CurrentUser;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.NewestFirst;
import org.opencrm.platform.starter.web.NotFoundException;
import org.springframework.data.domain.Limit;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A client's communication history (`001_*` 3.2): what happened when, on which channel, in which
 * direction, linked to a deal, task, order, project or document. Managers add entries by hand; entries
 * projected from other services' events come in with {@code source} naming the event type.
 */
@Service
public class Timeline {

    /** An entry as the API shows it. */
    public record Entry(UUID id, UUID contactId, UUID companyId, Instant occurredAt, Channel channel,
            Direction direction, String summary, Link link, String source, UUID authorId, Instant createdAt,
            Map<String, Object> details) {

        static Entry of(TimelineEntry e) {
            return new Entry(e.id(), e.contactId(), e.companyId(), e.occurredAt(), e.channel(), e.direction(),
                    e.summary(), e.linkType() == null ? null : new Link(e.linkType(), e.linkId()), e.source(),
                    e.authorId(), e.createdAt(), e.details());
        }
    }

    /** Something in another part of the CRM the interaction concerns. */
    public record Link(
            @NotBlank @Pattern(regexp = "DEAL|TASK|ORDER|PROJECT|DOCUMENT", message = "must be DEAL, TASK, ORDER, PROJECT or DOCUMENT")
            String type,
            @NotBlank @Size(max = 100) String id) {
    }

    /** An interaction a manager records. */
    public record NewEntry(Instant occurredAt, @NotNull Channel channel, Direction direction,
            @NotBlank @Size(max = 5000) String summary, @jakarta.validation.Valid Link link) {
    }

    /** One page of entries, newest first. */
    public record Page(List<Entry> items, String nextCursor) {
    }

    private final TimelineRepository entries;
    private final Map<CardRef.Kind, Cards> cards;
    private final Directory directory;
    private final EntityManager entityManager;

    Timeline(TimelineRepository entries, List<Cards> cards, Directory directory, EntityManager entityManager) {
        this.entries = entries;
        this.cards = cards.stream().collect(Collectors.toMap(Cards::kind, Function.identity()));
        this.directory = directory;
        this.entityManager = entityManager;
    }

    @Transactional(readOnly = true)
    public Page of(CardRef.Kind kind, UUID id, String cursor, int limit) {
        Visibility visibility = Visibility.of(CurrentUser.require(), directory);
        cards.get(kind).visible(id, visibility);
        int size = Math.clamp(limit <= 0 ? 30 : limit, 1, 100);
        NewestFirst after = NewestFirst.decode(cursor);
        List<TimelineEntry> found = kind == CardRef.Kind.CONTACT
                ? entries.ofContact(id, after.before(), after.beforeId(), Limit.of(size + 1))
                : entries.ofCompany(id, after.before(), after.beforeId(), Limit.of(size + 1));
        String next = null;
        if (found.size() > size) {
            found = found.subList(0, size);
            TimelineEntry last = found.getLast();
            next = NewestFirst.encode(last.occurredAt(), last.id());
        }
        return new Page(found.stream().map(Entry::of).toList(), next);
    }

    @Transactional
    public Entry add(CardRef.Kind kind, UUID id, NewEntry entry) {
        Visibility visibility = Visibility.of(CurrentUser.require(), directory);
        CardRef card = cards.get(kind).visible(id, visibility);
        if (!visibility.mayChange(card.ownerId())) {
            throw new AccessDeniedException("Your role reads clients but does not change them.");
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Instant occurredAt = entry.occurredAt() == null ? now : entry.occurredAt().truncatedTo(ChronoUnit.MICROS);
        if (occurredAt.isAfter(now.plus(366, ChronoUnit.DAYS))) {
            throw InvalidFieldsException.of("occurredAt", "is more than a year ahead");
        }
        var created = new TimelineEntry(kind == CardRef.Kind.CONTACT ? id : null, kind == CardRef.Kind.COMPANY ? id : null,
                occurredAt, entry.channel(), entry.direction(), entry.summary().strip(),
                entry.link() == null ? null : entry.link().type(), entry.link() == null ? null : entry.link().id().strip(),
                TimelineEntry.MANUAL, null, visibility.user().userId());
        entityManager.persist(created);
        return Entry.of(created);
    }

    /** Removes an entry added by hand; only its author or an ADMIN. Projected entries stay. */
    @Transactional
    public void remove(CardRef.Kind kind, UUID id, UUID entryId) {
        Visibility visibility = Visibility.of(CurrentUser.require(), directory);
        cards.get(kind).visible(id, visibility);
        TimelineEntry entry = entries.findById(entryId)
                .filter(e -> id.equals(kind == CardRef.Kind.CONTACT ? e.contactId() : e.companyId()))
                .orElseThrow(() -> new NotFoundException("Timeline entry", entryId));
        boolean admin = visibility.user().hasRole("ADMIN");
        if (!TimelineEntry.MANUAL.equals(entry.source())
                || !(admin || visibility.user().userId().equals(entry.authorId()))) {
            throw new AccessDeniedException("Only its author or an administrator removes an entry added by hand.");
        }
        entries.delete(entry);
    }
}
