package org.opencrm.contacts.company;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CompanyMemberRepository extends JpaRepository<CompanyMember, CompanyMember.Key> {

    List<CompanyMember> findByKeyCompanyIdOrderBySince(UUID companyId);

    List<CompanyMember> findByKeyContactIdOrderBySince(UUID contactId);
}
