package org.opencrm.contacts.merge;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.opencrm.platform.starter.directory.Visibility;
import org.opencrm.contacts.company.Company;
import org.opencrm.contacts.company.CompanyService;
import org.opencrm.contacts.company.CompanyState;
import org.opencrm.contacts.company.CompanyView;
import org.opencrm.platform.events.contacts.CompanyMerged;
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
 * Merges two cards of one organisation, as {@link ContactMerge} does for people: the survivor keeps its
 * values and takes what it lacks (the tax number among them), every contact point, tag and custom field;
 * the other card's contact persons, timeline and comments move to it, its history stays readable through
 * it, and {@code company.merged} tells other services. One transaction.
 */
@Service
public class CompanyMerge {

    private final CompanyService companies;
    private final JdbcTemplate jdbc;
    private final EventPublisher events;

    CompanyMerge(CompanyService companies, JdbcTemplate jdbc, EventPublisher events) {
        this.companies = companies;
        this.jdbc = jdbc;
        this.events = events;
    }

    @Transactional
    public CompanyView merge(UUID survivorId, UUID mergedId) {
        if (survivorId.equals(mergedId)) {
            throw InvalidFieldsException.of("mergedId", "is the same company as survivorId");
        }
        Visibility visibility = companies.visibility();
        Company survivor = companies.visibleCompany(survivorId, visibility);
        Company merged = companies.visibleCompany(mergedId, visibility);
        if (!visibility.mayChange(survivor.ownerId()) || !visibility.mayChange(merged.ownerId())) {
            throw new AccessDeniedException("Your role reads clients but does not change them.");
        }
        CompanyState combined = combine(CompanyService.toState(survivor), CompanyService.toState(merged));
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        UUID tenant = TenantContext.require();
        // a person in both companies stays once, with the survivor's position (or the other's if it had none)
        jdbc.update("""
                update company_member s set position = m.position
                from company_member m
                where s.company_id = ? and m.company_id = ? and s.contact_id = m.contact_id and s.tenant_id = ?
                  and s.position is null
                """, survivorId, mergedId, tenant);
        jdbc.update("""
                delete from company_member m where m.company_id = ? and m.tenant_id = ?
                  and exists (select 1 from company_member s where s.company_id = ? and s.contact_id = m.contact_id)
                """, mergedId, tenant, survivorId);
        jdbc.update("update company_member set company_id = ? where company_id = ? and tenant_id = ?", survivorId, mergedId, tenant);
        jdbc.update("update timeline_entry set company_id = ? where company_id = ? and tenant_id = ?", survivorId, mergedId, tenant);
        jdbc.update("update comment set company_id = ? where company_id = ? and tenant_id = ?", survivorId, mergedId, tenant);
        jdbc.update("update company set merged_into = ? where merged_into = ? and tenant_id = ?", survivorId, mergedId, tenant);
        // retired first, so that the survivor may take over its tax number
        companies.retireMerged(merged, survivorId, now);
        CompanyView result = companies.replace(survivorId, combined);
        events.publish(new CompanyMerged(survivorId, mergedId, visibility.user().userId(), now));
        return result;
    }

    static CompanyState combine(CompanyState keep, CompanyState other) {
        return new CompanyState(keep.name(), either(keep.taxId(), other.taxId()), either(keep.industry(), other.industry()),
                either(keep.ownerId(), other.ownerId()), tags(keep.tags(), other.tags()), notes(keep.notes(), other.notes()),
                customFields(keep.customFields(), other.customFields()),
                points(keep.pointsOrEmpty(), other.pointsOrEmpty()), keep.version());
    }
}
