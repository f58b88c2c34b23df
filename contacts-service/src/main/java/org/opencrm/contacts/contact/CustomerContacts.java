package org.opencrm.contacts.contact;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencrm.contacts.point.ContactPoint;
import org.opencrm.contacts.point.ContactPoints;
import org.opencrm.contacts.point.PointInput;
import org.opencrm.contacts.point.PointKind;
import org.opencrm.contacts.settings.Settings;
import org.opencrm.platform.events.contacts.ContactCreated;
import org.opencrm.platform.starter.events.EventPublisher;
import org.opencrm.platform.starter.security.TenantContext;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contacts the system finds or creates for a client who bought or was converted (the customer saga): no user
 * is behind these changes, so no visibility applies. The contact found is made an active client; a new one
 * is created ACTIVE and unassigned, with the phone and e-mail that parse (the others are left out).
 */
@Service
public class CustomerContacts {

    /** Who answered: the contact, whether it was created now, and how it was found. */
    public record Match(UUID contactId, boolean created, String matchedBy, String status) {
    }

    private final ContactRepository contacts;
    private final EventPublisher events;
    private final Settings settings;
    private final EntityManager entityManager;

    CustomerContacts(ContactRepository contacts, EventPublisher events, Settings settings, EntityManager entityManager) {
        this.contacts = contacts;
        this.events = events;
        this.settings = settings;
        this.entityManager = entityManager;
    }

    /** The live contact with this id, made an active client, if the company has it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<Match> activate(UUID id, String matchedBy) {
        if (id == null) {
            return Optional.empty();
        }
        return contacts.findById(id).filter(c -> !c.deleted()).map(c -> activated(c, matchedBy, false));
    }

    /** The contact with this phone (else e-mail), made an active client; else a new one. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Match findOrCreate(String name, String phone, String email, String source) {
        String region = settings.defaultRegion();
        Optional<String> phoneKey = phone == null || phone.isBlank() ? Optional.empty()
                : ContactPoints.phoneKey(phone, region);
        Optional<String> emailKey = email == null || email.isBlank() ? Optional.empty() : ContactPoints.emailKey(email);
        if (phoneKey.isPresent() || emailKey.isPresent()) {
            List<Contact> sharing = contacts.findSharingPoints(phoneKey.map(List::of).orElse(List.of("")),
                    emailKey.map(List::of).orElse(List.of("")));
            Optional<Contact> byPhone = phoneKey.flatMap(key -> first(sharing, PointKind.PHONE, key));
            if (byPhone.isPresent()) {
                return activated(byPhone.get(), "phone", false);
            }
            Optional<Contact> byEmail = emailKey.flatMap(key -> first(sharing, PointKind.EMAIL, key));
            if (byEmail.isPresent()) {
                return activated(byEmail.get(), "email", false);
            }
        }
        return create(name, phoneKey.isPresent() ? phone : null, emailKey.isPresent() ? email : null, source, region);
    }

    private Match create(String name, String phone, String email, String source, String region) {
        List<PointInput> inputs = new ArrayList<>();
        if (phone != null) {
            inputs.add(new PointInput(PointKind.PHONE, null, phone.strip(), true));
        }
        if (email != null) {
            inputs.add(new PointInput(PointKind.EMAIL, null, email.strip(), true));
        }
        List<ContactPoint> points;
        try {
            points = ContactPoints.normalise(TenantContext.require(), inputs, region, "points");
        } catch (InvalidFieldsException e) {
            points = List.of();
        }
        String firstName = firstName(name, phone, email);
        ContactState state = new ContactState(ContactKind.PERSON, firstName, null, null, null, null, null, false,
                source, ContactStatus.ACTIVE, List.of(), false, null, null, null, Map.of(), inputs, null);
        Instant now = now();
        Contact contact = new Contact(null, now);
        contact.apply(state, points, Map.of(), now);
        entityManager.persist(contact);
        entityManager.flush();
        events.publish(new ContactCreated(contact.id(), contact.firstName(), contact.lastName(), contact.email(),
                contact.phone(), contact.ownerId(), contact.createdAt(), contact.middleName(), contact.kind().name(),
                contact.status().name(), contact.vip(), contact.tags(), e164(contact), emails(contact),
                contact.version()));
        return new Match(contact.id(), true, "created", contact.status().name());
    }

    private Match activated(Contact contact, String matchedBy, boolean created) {
        if (contact.status() != ContactStatus.ACTIVE) {
            ContactState state = ContactService.toState(contact);
            ContactState active = new ContactState(state.kind(), state.firstName(), state.middleName(), state.lastName(),
                    state.birthDate(), state.position(), state.ownerId(), state.vip(), state.source(),
                    ContactStatus.ACTIVE, state.tags(), state.newsConsent(), state.paymentPreference(),
                    state.deliveryPreference(), state.notes(), state.customFields(), state.points(), null);
            contact.apply(active, ContactPoints.normalise(TenantContext.require(), active.pointsOrEmpty(),
                    settings.defaultRegion(), "points"), contact.customFields(), now());
            contacts.flush();
            events.publish(ContactService.updated(contact));
        }
        return new Match(contact.id(), created, matchedBy, ContactStatus.ACTIVE.name());
    }

    private static Optional<Contact> first(List<Contact> contacts, PointKind kind, String key) {
        return contacts.stream().filter(c -> !c.deleted())
                .filter(c -> c.points().stream().anyMatch(p -> p.kind() == kind && p.searchKey().equals(key)))
                .sorted(java.util.Comparator.comparing(Contact::createdAt)).findFirst();
    }

    private static String firstName(String name, String phone, String email) {
        String chosen = name != null && !name.isBlank() ? name.strip() : email != null ? email.strip()
                : phone != null ? phone.strip() : "Shop customer";
        return chosen.length() > 100 ? chosen.substring(0, 100) : chosen;
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
