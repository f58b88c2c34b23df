package org.opencrm.deals.pipeline;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

interface PipelineRepository extends JpaRepository<Pipeline, UUID> {

    @Query("select p from Pipeline p order by p.kind, p.position, p.createdAt, p.id")
    List<Pipeline> inOrder();

    @Query("select p from Pipeline p where p.kind = :kind order by p.position, p.createdAt, p.id")
    List<Pipeline> inOrder(PipelineKind kind);

    /** The pipeline, locked until the transaction ends: changes of its stages are checked one at a time. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select p from Pipeline p where p.id = :id")
    Optional<Pipeline> lock(UUID id);
}
