package org.opencrm.deals.campaign;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface CampaignRepository extends JpaRepository<Campaign, UUID> {
}
