package org.opencrm.contacts.merge;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.opencrm.platform.starter.directory.Visibility;
import org.opencrm.contacts.contact.Contact;
import org.opencrm.contacts.contact.ContactService;
import org.opencrm.contacts.contact.ContactState;
import org.opencrm.contacts.contact.ContactView;
import org.opencrm.platform.events.contacts.ContactMerged;
import org.opencrm.platform.starter.events.EventPublisher;
import org.opencrm.platform.starter.security.TenantContext;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import static org.opencrm.contacts.merge.Combination.customFields;
import static org.opencrm.contacts.merge.Combination.either;
import static org.opencrm.contacts.merge.Combination.notes;
import static org.opencrm.contacts.merge.Combination.points;
import static org.opencrm.contacts.merge.Combination.tags;

/**
 * Merges two cards of one person. The survivor keeps its own values and takes from the other whatever
 * it lacks: every contact point (without repeating one), tags, custom fields, the photo; notes are joined. The
 * other card's companies, timeline and comments move to the survivor, its change history stays readable
 * through the survivor, and {@code contact.merged} tells other services to re-link what they hold. All
 * in one transaction.
 */
@Service
public class ContactMerge {

    private final ContactService contacts;
    private final JdbcTemplate jdbc;
    private final EventPublisher events;

    ContactMerge(ContactService contacts, JdbcTemplate jdbc, EventPublisher events) {
        this.contacts = contacts;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional
    public ContactView merge(UUID survivorId, UUID mergedId) {
        if (survivorId.equals(mergedId)) {
            throw InvalidFieldsException.of("mergedId", "is the same contact as survivorId");
        }
        Visibility visibility = contacts.visibility();
        Contact survivor = contacts.visibleContact(survivorId, visibility);
        Contact merged = contacts.visibleContact(mergedId, visibility);
        if (!visibility.mayChange(survivor.ownerId()) || !visibility.mayChange(merged.ownerId())) {
            throw new AccessDeniedException("Your role reads clients but does not change them.");
        }
        ContactState combined = combine(ContactService.toState(survivor), ContactService.toState(merged));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID tenant = TenantContext.require();
        // what referred to the merged card refers to the survivor; a company both belonged to keeps one link
        jdbc.update("""
                delete from company_member m where m.contact_id = ? and m.tenant_id = ?
                  and exists (select 1 from company_member s where s.company_id = m.company_id and s.contact_id = ?)
                """, mergedId, tenant, survivorId);
        jdbc.update("update company_member set contact_id = ? where contact_id = ? and tenant_id = ?", survivorId, mergedId, tenant);
        jdbc.update("update timeline_entry set contact_id = ? where contact_id = ? and tenant_id = ?", survivorId, mergedId, tenant);
        jdbc.update("update comment set contact_id = ? where contact_id = ? and tenant_id = ?", survivorId, mergedId, tenant);
        jdbc.update("update contact set merged_into = ? where merged_into = ? and tenant_id = ?", survivorId, mergedId, tenant);
        // the survivor keeps its photo, or takes the other's if it had none (the other card's is gone with it)
        jdbc.update("""
                delete from contact_photo m where m.contact_id = ? and m.tenant_id = ?
                  and exists (select 1 from contact_photo s where s.contact_id = ? and s.tenant_id = m.tenant_id)
                """, mergedId, tenant, survivorId);
        jdbc.update("update contact_photo set contact_id = ? where contact_id = ? and tenant_id = ?", survivorId, mergedId, tenant);
        contacts.retireMerged(merged, survivorId, now);
        // only now: flushed with the merged card, it would raise the version the replacement below checks
        contacts.takePhoto(survivor, merged);
        ContactView result = contacts.replace(survivorId, combined);
        events.publish(new ContactMerged(survivorId, mergedId, visibility.user().userId(), now));
        return result;
    }

    static ContactState combine(ContactState keep, ContactState other) {
        return new ContactState(keep.kind(), keep.firstName(), either(keep.middleName(), other.middleName()),
                either(keep.lastName(), other.lastName()), either(keep.birthDate(), other.birthDate()),
                either(keep.position(), other.position()), either(keep.ownerId(), other.ownerId()),
                Boolean.TRUE.equals(keep.vip()) || Boolean.TRUE.equals(other.vip()),
                either(keep.source(), other.source()), keep.status(), tags(keep.tags(), other.tags()),
                Boolean.TRUE.equals(keep.newsConsent()) || Boolean.TRUE.equals(other.newsConsent()),
                either(keep.paymentPreference(), other.paymentPreference()),
                either(keep.deliveryPreference(), other.deliveryPreference()), notes(keep.notes(), other.notes()),
                customFields(keep.customFields(), other.customFields()),
                points(keep.pointsOrEmpty(), other.pointsOrEmpty()), keep.version());
    }
}
