package org.opencrm.deals.promotion;

import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;

interface PromoCodeRepository extends JpaRepository<PromoCode, UUID> {
}
