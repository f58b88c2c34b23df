package org.opencrm.contacts.contact;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.opencrm.platform.starter.directory.Visibility;
import org.opencrm.contacts.card.CardRef;
import org.opencrm.contacts.card.Cards;
import org.opencrm.platform.starter.web.MergePatch;
import org.opencrm.contacts.customfield.CardType;
import org.opencrm.contacts.customfield.CustomFields;
import org.opencrm.contacts.settings.Settings;
import org.opencrm.platform.starter.directory.Directory;
import org.opencrm.contacts.point.ContactPoint;
import org.opencrm.contacts.point.ContactPoints;
import org.opencrm.contacts.point.PointKind;
import org.opencrm.platform.events.contacts.ContactCreated;
import org.opencrm.platform.events.contacts.ContactDeleted;
import org.opencrm.platform.events.contacts.ContactUpdated;
import org.opencrm.platform.starter.events.EventPublisher;
import org.opencrm.platform.starter.security.CrmUser;
import org.opencrm.platform.starter.security.CurrentUser;
import org.opencrm.platform.starter.security.TenantContext;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The contact card: create, read, change, delete, hand over. Each change commits with its event, and
 * only within what the user's role lets them see ({@link Visibility}); a record they may not see is 404.
 */
@Service
public class ContactService implements Cards {

    private final ContactRepository contacts;
    private final EventPublisher events;
    private final Directory directory;
    private final Settings settings;
    private final MergePatch mergePatch;
    private final EntityManager entityManager;
    private final CustomFields customFields;

    ContactService(ContactRepository contacts, EventPublisher events, Directory directory, Settings settings,
            MergePatch mergePatch, EntityManager entityManager, CustomFields customFields) {
        this.customFields = customFields;
        this.entityManager = entityManager;
        this.mergePatch = mergePatch;
        this.contacts = contacts;
        this.events = events;
        this.directory = directory;
        this.settings = settings;
    }

    /** The caller's view of the company's clients. */
    public Visibility visibility() {
        return Visibility.of(CurrentUser.require(), directory);
    }

    @Transactional
    public ContactView create(ContactState state, boolean confirmDuplicate) {
        CrmUser caller = CurrentUser.require();
        Visibility visibility = visibility();
        visibility.requireWrite();
        UUID owner = state.ownerId() == null ? caller.userId() : state.ownerId();
        requireOwner(visibility, owner);
        List<ContactPoint> points = points(state);
        if (!confirmDuplicate) {
            List<PossibleDuplicateException.Duplicate> duplicates = duplicatesOf(points, visibility, null);
            if (!duplicates.isEmpty()) {
                throw new PossibleDuplicateException(duplicates);
            }
        }
        Map<String, Object> custom = customFields.validate(CardType.CONTACT, state.customFields());
        Instant now = now();
        Contact contact = new Contact(caller.userId(), now);
        contact.apply(withOwner(state, owner), points, custom, now);
        // persist, not save: the id is assigned here, and save would merge a copy instead
        entityManager.persist(contact);
        entityManager.flush();
        events.publish(created(contact));
        return ContactView.of(contact);
    }

    @Transactional(readOnly = true)
    public ContactView get(UUID id) {
        return ContactView.of(visibleContact(id, visibility()));
    }

    /** Replaces the whole card. */
    @Transactional
    public ContactView replace(UUID id, ContactState state) {
        Visibility visibility = visibility();
        Contact contact = visibleContact(id, visibility);
        return change(contact, state, visibility);
    }

    /** Applies a JSON merge patch (RFC 7396) to the card: fields left out stay, null clears. */
    @Transactional
    public ContactView patch(UUID id, JsonNode patch) {
        Visibility visibility = visibility();
        Contact contact = visibleContact(id, visibility);
        return change(contact, mergePatch.apply(toState(contact), patch, ContactState.class), visibility);
    }

    @Transactional
    public void delete(UUID id) {
        Visibility visibility = visibility();
        Contact contact = visibleContact(id, visibility);
        if (!visibility.mayChange(contact.ownerId())) {
            throw new AccessDeniedException("Your role reads clients but does not change them.");
        }
        Instant now = now();
        contact.delete(now);
        events.publish(new ContactDeleted(contact.id(), visibility.user().userId(), now));
    }

    /** Hands contacts to another owner (or none); all or nothing. */
    @Transactional
    public List<ContactView> assign(List<UUID> ids, UUID ownerId) {
        Visibility visibility = visibility();
        visibility.requireWrite();
        requireOwner(visibility, ownerId);
        Instant now = now();
        List<ContactView> assigned = new ArrayList<>();
        for (UUID id : ids) {
            Contact contact = visibleContact(id, visibility);
            contact.assignOwner(ownerId, now);
            contacts.flush();
            events.publish(updated(contact));
            assigned.add(ContactView.of(contact));
        }
        return assigned;
    }

    /** Adds and removes tags on many contacts; all or nothing. */
    @Transactional
    public List<ContactView> tag(List<UUID> ids, List<String> add, List<String> remove) {
        Visibility visibility = visibility();
        visibility.requireWrite();
        List<Contact> tagged = changeable(ids, visibility);
        Instant now = now();
        List<ContactView> views = new ArrayList<>();
        for (Contact contact : tagged) {
            contact.retag(add, remove, now);
            contacts.flush();
            events.publish(updated(contact));
            views.add(ContactView.of(contact));
        }
        return views;
    }

    /** Deletes many contacts; all or nothing: one the user may not see or change refuses the whole request. */
    @Transactional
    public void delete(List<UUID> ids) {
        Visibility visibility = visibility();
        visibility.requireWrite();
        Instant now = now();
        for (Contact contact : changeable(ids, visibility)) {
            contact.delete(now);
            events.publish(new ContactDeleted(contact.id(), visibility.user().userId(), now));
        }
    }

    /** The contacts with these ids, in the order given, each one the user sees and may change. */
    private List<Contact> changeable(List<UUID> ids, Visibility visibility) {
        Map<UUID, Contact> found = new HashMap<>();
        contacts.findAllById(ids).forEach(contact -> found.put(contact.id(), contact));
        List<Contact> result = new ArrayList<>();
        for (UUID id : new LinkedHashSet<>(ids)) {
            Contact contact = found.get(id);
            if (contact == null || !visibility.sees(contact.ownerId())) {
                throw new NotFoundException("Contact", id);
            }
            if (!visibility.mayChange(contact.ownerId())) {
                throw new AccessDeniedException("Your role reads clients but does not change them.");
            }
            result.add(contact);
        }
        return result;
    }

    private ContactView change(Contact contact, ContactState state, Visibility visibility) {
        if (!visibility.mayChange(contact.ownerId())) {
            throw new AccessDeniedException("Your role reads clients but does not change them.");
        }
        if (state.version() != null && state.version() != contact.version()) {
            throw new OptimisticLockingFailureException("The contact was changed by someone else; reload it.");
        }
        if (state.ownerId() != null && !state.ownerId().equals(contact.ownerId())) {
            requireOwner(visibility, state.ownerId());
        } else if (state.ownerId() == null && contact.ownerId() != null && !visibility.mayAssignTo(null)) {
            throw new AccessDeniedException("You may not leave this contact unassigned.");
        }
        List<ContactPoint> points = points(state);
        Map<String, Object> custom = customFields.validate(CardType.CONTACT, state.customFields());
        contact.apply(state, points, custom, now());
        contacts.flush();
        events.publish(updated(contact));
        return ContactView.of(contact);
    }

    @Override
    public CardRef.Kind kind() {
        return CardRef.Kind.CONTACT;
    }

    @Override
    @Transactional(readOnly = true)
    public CardRef visible(UUID id, Visibility visibility) {
        Contact contact = visibleContact(id, visibility);
        return new CardRef(CardRef.Kind.CONTACT, contact.id(), contact.ownerId());
    }

    /** The contacts that were merged into this one (their history belongs to its history). */
    @Transactional(readOnly = true)
    public List<UUID> mergedInto(UUID id) {
        return entityManager.createNativeQuery("select id from contact where merged_into = :id and tenant_id = :tenant",
                UUID.class).setParameter("id", id).setParameter("tenant", TenantContext.require()).getResultList();
    }

    /**
     * The card shows another photo, or none ({@code photoVersion} null): a change of the card, kept in its
     * history and announced like any other. The caller has checked that the user may change the card.
     */
    @Transactional
    public ContactView photoChanged(Contact contact, String photoVersion) {
        if (!Objects.equals(contact.photoVersion(), photoVersion)) {
            contact.showPhoto(photoVersion, now());
            contacts.flush();
            events.publish(updated(contact));
        }
        return ContactView.of(contact);
    }

    /** In a merge: the survivor keeps its photo, or takes the merged card's if it had none; the merge announces it. */
    public void takePhoto(Contact survivor, Contact merged) {
        if (survivor.photoVersion() == null && merged.photoVersion() != null) {
            survivor.showPhoto(merged.photoVersion(), now());
        }
    }

    /** Marks a contact as merged into another (its card disappears); the merge itself announces it. */
    public void retireMerged(Contact merged, UUID survivorId, Instant now) {
        merged.mergeInto(survivorId, now);
        contacts.flush();
    }

    /** The contacts of the company with these ids, in one query; deleted ones are not among them. */
    @Transactional(readOnly = true)
    public List<Contact> findAll(java.util.Collection<UUID> ids) {
        return contacts.findAllById(ids);
    }

    /** A contact of the company that the user sees; anything else is "not found". */
    public Contact visibleContact(UUID id, Visibility visibility) {
        return contacts.findById(id).filter(contact -> visibility.sees(contact.ownerId()))
                .orElseThrow(() -> new NotFoundException("Contact", id));
    }

    private void requireOwner(Visibility visibility, UUID owner) {
        if (!visibility.mayAssignTo(owner)) {
            throw new AccessDeniedException("You may not hand contacts to that user.");
        }
        if (owner != null && !owner.equals(visibility.user().userId())
                && directory.find(owner).filter(Directory.Member::active).isEmpty()) {
            throw InvalidFieldsException.of("ownerId", "is not an active user of the company");
        }
    }

    private List<ContactPoint> points(ContactState state) {
        return ContactPoints.normalise(TenantContext.require(), state.pointsOrEmpty(), settings.defaultRegion(), "points");
    }

    private List<PossibleDuplicateException.Duplicate> duplicatesOf(List<ContactPoint> points, Visibility visibility,
            UUID except) {
        List<String> phones = keys(points, PointKind.PHONE);
        List<String> emails = keys(points, PointKind.EMAIL);
        if (phones.isEmpty() && emails.isEmpty()) {
            return List.of();
        }
        List<PossibleDuplicateException.Duplicate> found = new ArrayList<>();
        for (Contact other : contacts.findSharingPoints(orNone(phones), orNone(emails))) {
            if (other.id().equals(except)) {
                continue;
            }
            ContactPoint shared = other.points().stream()
                    .filter(p -> (p.kind() == PointKind.PHONE && phones.contains(p.searchKey()))
                            || (p.kind() == PointKind.EMAIL && emails.contains(p.searchKey())))
                    .findFirst().orElseThrow();
            boolean sees = visibility.sees(other.ownerId());
            found.add(new PossibleDuplicateException.Duplicate(sees ? other.id() : null,
                    sees ? ContactView.displayName(other) : null, shared.kind().name().toLowerCase(),
                    shared.value()));
        }
        return found;
    }

    private static List<String> keys(List<ContactPoint> points, PointKind kind) {
        return points.stream().filter(point -> point.kind() == kind).map(ContactPoint::searchKey).toList();
    }

    private static List<String> orNone(List<String> keys) {
        return keys.isEmpty() ? List.of("") : keys;
    }

    private static ContactState withOwner(ContactState s, UUID owner) {
        return new ContactState(s.kind(), s.firstName(), s.middleName(), s.lastName(), s.birthDate(), s.position(),
                owner, s.vip(), s.source(), s.status(), s.tags(), s.newsConsent(), s.paymentPreference(),
                s.deliveryPreference(), s.notes(), s.customFields(), s.points(), s.version());
    }

    public static ContactState toState(Contact c) {
        return new ContactState(c.kind(), c.firstName(), c.middleName(), c.lastName(), c.birthDate(), c.position(),
                c.ownerId(), c.vip(), c.source(), c.status(), c.tags(), c.newsConsent(), c.paymentPreference(),
                c.deliveryPreference(), c.notes(), c.customFields(),
                c.points().stream().map(p -> new org.opencrm.contacts.point.PointInput(p.kind(), p.label(), p.value(),
                        p.primary())).toList(), c.version());
    }

    private static ContactCreated created(Contact c) {
        return new ContactCreated(c.id(), c.firstName(), c.lastName(), c.email(), c.phone(), c.ownerId(), c.createdAt(),
                c.middleName(), c.kind().name(), c.status().name(), c.vip(), c.tags(), e164(c), emails(c), c.version());
    }

    static ContactUpdated updated(Contact c) {
        return new ContactUpdated(c.id(), c.kind().name(), c.firstName(), c.middleName(), c.lastName(), c.email(),
                c.phone(), e164(c), emails(c), c.ownerId(), c.status().name(), c.vip(), c.tags(), c.updatedAt(),
                c.version(), c.photoVersion());
    }

    private static List<String> e164(Contact c) {
        return c.points().stream().filter(p -> p.kind() == PointKind.PHONE).map(p -> "+" + p.searchKey()).toList();
    }

    private static List<String> emails(Contact c) {
        return c.points().stream().filter(p -> p.kind() == PointKind.EMAIL).map(ContactPoint::searchKey).toList();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
