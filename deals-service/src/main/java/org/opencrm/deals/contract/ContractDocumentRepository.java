package org.opencrm.deals.contract;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ContractDocumentRepository extends JpaRepository<ContractDocument, UUID> {
}
