package org.opencrm.contacts.company;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hibernate.exception.ConstraintViolationException;
import org.opencrm.platform.starter.directory.Visibility;
import org.opencrm.contacts.card.CardRef;
import org.opencrm.contacts.card.Cards;
import org.opencrm.platform.starter.web.MergePatch;
import org.opencrm.contacts.customfield.CardType;
import org.opencrm.contacts.customfield.CustomFields;
import org.opencrm.platform.starter.directory.Directory;
import org.opencrm.contacts.point.ContactPoint;
import org.opencrm.contacts.point.ContactPoints;
import org.opencrm.contacts.point.PointInput;
import org.opencrm.contacts.point.PointKind;
import org.opencrm.contacts.settings.Settings;
import org.opencrm.platform.events.contacts.CompanyCreated;
import org.opencrm.platform.events.contacts.CompanyDeleted;
import org.opencrm.platform.events.contacts.CompanyUpdated;
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
 * The company card: create, read, change, delete, hand over; each change with its event, each within
 * what the user's role lets them see (the same rules as contacts). A second company with the same tax
 * number is refused.
 */
@Service
public class CompanyService implements Cards {

    /** V19's index: one live company per tax number in a client base. */
    private static final String TAX_ID_INDEX = "company_tax_id_key";
    private static final String TAX_ID_TAKEN = "belongs to another company in the client base";

    private final CompanyRepository companies;
    private final EventPublisher events;
    private final Directory directory;
    private final Settings settings;
    private final MergePatch mergePatch;
    private final CustomFields customFields;
    private final EntityManager entityManager;

    CompanyService(CompanyRepository companies, EventPublisher events, Directory directory, Settings settings,
            MergePatch mergePatch, CustomFields customFields, EntityManager entityManager) {
        this.companies = companies;
        this.events = events;
        this.directory = directory;
        this.settings = settings;
        this.mergePatch = mergePatch;
        this.customFields = customFields;
        this.entityManager = entityManager;
    }

    public Visibility visibility() {
        return Visibility.of(CurrentUser.require(), directory);
    }

    @Transactional
    public CompanyView create(CompanyState state) {
        CrmUser caller = CurrentUser.require();
        Visibility visibility = visibility();
        visibility.requireWrite();
        UUID owner = state.ownerId() == null ? caller.userId() : state.ownerId();
        requireOwner(visibility, owner);
        Instant now = now();
        Company company = new Company(caller.userId(), now);
        company.apply(withOwner(state, owner), taxId(state, null), points(state),
                customFields.validate(CardType.COMPANY, state.customFields()), now);
        entityManager.persist(company);
        flush();
        events.publish(new CompanyCreated(company.id(), company.name(), company.taxId(), company.industry(),
                company.ownerId(), company.tags(), phones(company), emails(company), company.createdAt(),
                company.version()));
        return CompanyView.of(company);
    }

    @Transactional(readOnly = true)
    public CompanyView get(UUID id) {
        return CompanyView.of(visibleCompany(id, visibility()));
    }

    @Transactional
    public CompanyView replace(UUID id, CompanyState state) {
        Visibility visibility = visibility();
        return change(visibleCompany(id, visibility), state, visibility);
    }

    @Transactional
    public CompanyView patch(UUID id, JsonNode patch) {
        Visibility visibility = visibility();
        Company company = visibleCompany(id, visibility);
        return change(company, mergePatch.apply(toState(company), patch, CompanyState.class), visibility);
    }

    @Transactional
    public void delete(UUID id) {
        Visibility visibility = visibility();
        Company company = visibleCompany(id, visibility);
        if (!visibility.mayChange(company.ownerId())) {
            throw new AccessDeniedException("Your role reads clients but does not change them.");
        }
        Instant now = now();
        company.delete(now);
        events.publish(new CompanyDeleted(company.id(), visibility.user().userId(), now));
    }

    @Transactional
    public List<CompanyView> assign(List<UUID> ids, UUID ownerId) {
        Visibility visibility = visibility();
        visibility.requireWrite();
        requireOwner(visibility, ownerId);
        Instant now = now();
        List<CompanyView> assigned = new ArrayList<>();
        for (UUID id : ids) {
            Company company = visibleCompany(id, visibility);
            company.assignOwner(ownerId, now);
            companies.flush();
            events.publish(updated(company));
            assigned.add(CompanyView.of(company));
        }
        return assigned;
    }

    @Override
    public CardRef.Kind kind() {
        return CardRef.Kind.COMPANY;
    }

    @Override
    @Transactional(readOnly = true)
    public CardRef visible(UUID id, Visibility visibility) {
        Company company = visibleCompany(id, visibility);
        return new CardRef(CardRef.Kind.COMPANY, company.id(), company.ownerId());
    }

    /** The companies that were merged into this one (their history belongs to its history). */
    @Transactional(readOnly = true)
    public List<UUID> mergedInto(UUID id) {
        return entityManager.createNativeQuery("select id from company where merged_into = :id and tenant_id = :tenant",
                UUID.class).setParameter("id", id).setParameter("tenant", TenantContext.require()).getResultList();
    }

    /** Marks a company as merged into another (its card disappears); the merge itself announces it. */
    public void retireMerged(Company merged, UUID survivorId, Instant now) {
        merged.mergeInto(survivorId, now);
        companies.flush();
    }

    /** A company of the caller's company that they see; anything else is "not found". */
    public Company visibleCompany(UUID id, Visibility visibility) {
        return companies.findById(id).filter(company -> visibility.sees(company.ownerId()))
                .orElseThrow(() -> new NotFoundException("Company", id));
    }

    private CompanyView change(Company company, CompanyState state, Visibility visibility) {
        if (!visibility.mayChange(company.ownerId())) {
            throw new AccessDeniedException("Your role reads clients but does not change them.");
        }
        if (state.version() != null && state.version() != company.version()) {
            throw new OptimisticLockingFailureException("The company was changed by someone else; reload it.");
        }
        if (state.ownerId() != null && !state.ownerId().equals(company.ownerId())) {
            requireOwner(visibility, state.ownerId());
        } else if (state.ownerId() == null && company.ownerId() != null && !visibility.mayAssignTo(null)) {
            throw new AccessDeniedException("You may not leave this company unassigned.");
        }
        company.apply(state, taxId(state, company.id()), points(state),
                customFields.validate(CardType.COMPANY, state.customFields()), now());
        flush();
        events.publish(updated(company));
        return CompanyView.of(company);
    }

    /** Writes the change now; another company given the same tax number meanwhile (V19's index) is the caller's 400. */
    private void flush() {
        try {
            entityManager.flush();
        } catch (ConstraintViolationException e) {
            if (TAX_ID_INDEX.equals(e.getConstraintName())) {
                throw InvalidFieldsException.of("taxId", TAX_ID_TAKEN);
            }
            throw e;
        }
    }

    private String taxId(CompanyState state, UUID self) {
        if (state.taxId() == null || state.taxId().isBlank()) {
            return null;
        }
        String taxId = TaxIds.normalise(state.taxId()).orElseThrow(() -> InvalidFieldsException.of("taxId",
                "is not a valid tax number (an EDRPOU code has 8 digits with a check digit)"));
        if (companies.findByTaxId(taxId).stream().anyMatch(other -> !other.id().equals(self))) {
            throw InvalidFieldsException.of("taxId", TAX_ID_TAKEN);
        }
        return taxId;
    }

    private List<ContactPoint> points(CompanyState state) {
        return ContactPoints.normalise(TenantContext.require(), state.pointsOrEmpty(), settings.defaultRegion(), "points");
    }

    private void requireOwner(Visibility visibility, UUID owner) {
        if (!visibility.mayAssignTo(owner)) {
            throw new AccessDeniedException("You may not hand companies to that user.");
        }
        if (owner != null && !owner.equals(visibility.user().userId())
                && directory.find(owner).filter(Directory.Member::active).isEmpty()) {
            throw InvalidFieldsException.of("ownerId", "is not an active user of the company");
        }
    }

    private static CompanyState withOwner(CompanyState s, UUID owner) {
        return new CompanyState(s.name(), s.taxId(), s.industry(), owner, s.tags(), s.notes(), s.customFields(),
                s.points(), s.version());
    }

    public static CompanyState toState(Company c) {
        return new CompanyState(c.name(), c.taxId(), c.industry(), c.ownerId(), c.tags(), c.notes(), c.customFields(),
                c.points().stream().map(p -> new PointInput(p.kind(), p.label(), p.value(), p.primary())).toList(),
                c.version());
    }

    private static CompanyUpdated updated(Company c) {
        return new CompanyUpdated(c.id(), c.name(), c.taxId(), c.industry(), c.ownerId(), c.tags(), phones(c), emails(c),
                c.updatedAt(), c.version());
    }

    private static List<String> phones(Company c) {
        return c.points().stream().filter(p -> p.kind() == PointKind.PHONE).map(p -> "+" + p.searchKey()).toList();
    }

    private static List<String> emails(Company c) {
        return c.points().stream().filter(p -> p.kind() == PointKind.EMAIL).map(ContactPoint::searchKey).toList();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

}
