package org.opencrm.contacts.company;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

/** Companies of the current tenant (the tenant discriminator filters every query; deleted ones are hidden). */
interface CompanyRepository extends JpaRepository<Company, UUID> {

    List<Company> findByTaxId(String taxId);
}
