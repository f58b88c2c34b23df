package org.opencrm.contacts.contact;

import java.util.Collection;
import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

/** Contacts of the current tenant (Hibernate's tenant discriminator filters every query; deleted ones are hidden). */
interface ContactRepository extends JpaRepository<Contact, UUID> {

    /** Contacts with a phone or an e-mail among the given search keys: possible duplicates. */
    @Query("""
            select distinct c from Contact c join c.points p
            where (p.kind = org.opencrm.contacts.point.PointKind.PHONE and p.searchKey in :phones)
               or (p.kind = org.opencrm.contacts.point.PointKind.EMAIL and p.searchKey in :emails)
            """)
    List<Contact> findSharingPoints(Collection<String> phones, Collection<String> emails);
}
