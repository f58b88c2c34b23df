package org.opencrm.contacts.company;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opencrm.platform.starter.directory.Visibility;
import org.opencrm.contacts.contact.Contact;
import org.opencrm.contacts.contact.ContactService;
import org.opencrm.contacts.contact.ContactView;
import org.opencrm.platform.starter.web.NotFoundException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Who works where: a company's contact persons and a person's companies, each with a position. Only a
 * user who sees both cards links them; what they may not see is left out of the lists.
 */
@Service
public class Members {

    /** A contact person as the company card lists them. */
    public record Person(UUID contactId, String displayName, String position, String phone, String email,
            Instant since) {
    }

    /** A company as the contact card lists it. */
    public record Workplace(UUID companyId, String name, String position, Instant since) {
    }

    private final CompanyMemberRepository members;
    private final CompanyService companies;
    private final ContactService contacts;
    private final EntityManager entityManager;
    private final CompanyRepository companyCards;

    Members(CompanyMemberRepository members, CompanyService companies, ContactService contacts,
            EntityManager entityManager, CompanyRepository companyCards) {
        this.companyCards = companyCards;
        this.members = members;
        this.companies = companies;
        this.contacts = contacts;
        this.entityManager = entityManager;
    }

    @Transactional
    public Person link(UUID companyId, UUID contactId, String position) {
        Visibility visibility = companies.visibility();
        Company company = companies.visibleCompany(companyId, visibility);
        Contact contact = contacts.visibleContact(contactId, visibility);
        if (!visibility.mayChange(company.ownerId())) {
            throw new AccessDeniedException("Your role reads clients but does not change them.");
        }
        String kept = position == null || position.isBlank() ? null : position.strip();
        CompanyMember member = members.findById(new CompanyMember.Key(companyId, contactId)).orElse(null);
        if (member == null) {
            member = new CompanyMember(companyId, contactId, kept, Instant.now());
            entityManager.persist(member);
        } else {
            member.moveTo(kept);
        }
        return person(member, contact);
    }

    @Transactional
    public void unlink(UUID companyId, UUID contactId) {
        Visibility visibility = companies.visibility();
        Company company = companies.visibleCompany(companyId, visibility);
        if (!visibility.mayChange(company.ownerId())) {
            throw new AccessDeniedException("Your role reads clients but does not change them.");
        }
        CompanyMember member = members.findById(new CompanyMember.Key(companyId, contactId))
                .orElseThrow(() -> new NotFoundException("Contact person", contactId));
        members.delete(member);
    }

    @Transactional(readOnly = true)
    public List<Person> of(UUID companyId) {
        Visibility visibility = companies.visibility();
        companies.visibleCompany(companyId, visibility);
        List<CompanyMember> people = members.findByKeyCompanyIdOrderBySince(companyId);
        Map<UUID, Contact> cards = contacts.findAll(people.stream().map(CompanyMember::contactId).toList()).stream()
                .filter(contact -> visibility.sees(contact.ownerId()))
                .collect(Collectors.toMap(Contact::id, Function.identity()));
        return people.stream().filter(member -> cards.containsKey(member.contactId()))
                .map(member -> person(member, cards.get(member.contactId()))).toList();
    }

    @Transactional(readOnly = true)
    public List<Workplace> workplacesOf(UUID contactId) {
        Visibility visibility = companies.visibility();
        contacts.visibleContact(contactId, visibility);
        List<CompanyMember> jobs = members.findByKeyContactIdOrderBySince(contactId);
        Map<UUID, Company> cards = companyCards.findAllById(jobs.stream().map(CompanyMember::companyId).toList()).stream()
                .filter(company -> visibility.sees(company.ownerId()))
                .collect(Collectors.toMap(Company::id, Function.identity()));
        return jobs.stream().filter(member -> cards.containsKey(member.companyId()))
                .map(member -> {
                    Company company = cards.get(member.companyId());
                    return new Workplace(company.id(), company.name(), member.position(), member.since());
                }).toList();
    }

    private static Person person(CompanyMember member, Contact contact) {
        return new Person(contact.id(), ContactView.displayName(contact), member.position(), contact.phone(),
                contact.email(), member.since());
    }
}
