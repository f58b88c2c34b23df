package org.opencrm.contacts.contact;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Contacts of the current tenant (Hibernate's tenant discriminator filters every query). */
interface ContactRepository extends JpaRepository<Contact, UUID> {
}
