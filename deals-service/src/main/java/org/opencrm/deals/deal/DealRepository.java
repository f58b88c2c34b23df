package org.opencrm.deals.deal;

import java.util.List;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface DealRepository extends JpaRepository<Deal, UUID> {

    @Query("select count(d) from Deal d where d.stageId = :stageId")
    long countInStage(UUID stageId);

    @Query("select count(d) from Deal d where d.pipelineId = :pipelineId")
    long countInPipeline(UUID pipelineId);

    @Query("select d from Deal d where d.stageId = :stageId")
    List<Deal> inStage(UUID stageId);
}
