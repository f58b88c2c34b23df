package org.opencrm.deals.lead;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface LeadRepository extends JpaRepository<Lead, UUID> {

    @Query("select count(l) from Lead l where l.stageId = :stageId")
    long countInStage(UUID stageId);

    @Query("select count(l) from Lead l where l.pipelineId = :pipelineId")
    long countInPipeline(UUID pipelineId);

    @Query("select l from Lead l where l.stageId = :stageId")
    List<Lead> inStage(UUID stageId);

    @Query("select l from Lead l where l.dealId = :dealId")
    Optional<Lead> ofDeal(UUID dealId);
}
