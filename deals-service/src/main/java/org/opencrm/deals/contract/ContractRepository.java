package org.opencrm.deals.contract;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface ContractRepository extends JpaRepository<Contract, UUID> {
}
