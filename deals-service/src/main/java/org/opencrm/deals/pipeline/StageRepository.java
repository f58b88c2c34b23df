package org.opencrm.deals.pipeline;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface StageRepository extends JpaRepository<Stage, UUID> {

    @Query("select s from Stage s where s.pipelineId = :pipelineId order by s.position, s.id")
    List<Stage> of(UUID pipelineId);

    @Query("select s from Stage s where s.pipelineId in :pipelineIds order by s.position, s.id")
    List<Stage> of(Collection<UUID> pipelineIds);

    @Query("""
            select new org.opencrm.deals.pipeline.PipelineStage(s.id, s.pipelineId, p.kind, s.code, s.name, s.position,
                s.outcome, s.color)
            from Stage s join Pipeline p on p.id = s.pipelineId where s.id = :id
            """)
    Optional<PipelineStage> find(UUID id);
}
