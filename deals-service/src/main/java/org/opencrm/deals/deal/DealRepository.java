package org.opencrm.deals.deal;

import java.util.List;
import java.util.Optional;
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

    @Query("select d from Deal d where d.leadId = :leadId")
    Optional<Deal> ofLead(UUID leadId);

    /**
     * Whether the shop integration holds the deal as one of its orders. Its shop_order row decides (a deal typed
     * in by hand may carry a shopOrderId too); it is read here because the shop feature builds on deals, not
     * the other way round, and its foreign key would refuse the deletion only at commit.
     */
    @Query(value = "select exists (select 1 from shop_order where deal_id = :dealId)", nativeQuery = true)
    boolean isShopOrder(UUID dealId);
}
