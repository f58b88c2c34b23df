package org.opencrm.deals.pipeline;

import java.time.Instant;
import java.util.UUID;

/**
 * The cards standing in a pipeline's stages, as the pipeline settings need to know them: a stage that holds
 * cards is removed only with its cards moved on, and a pipeline that holds cards is not removed. Implemented
 * by the leads and the deals, so that pipelines need not know either.
 */
public interface StageOccupancy {

    /** Which pipelines' cards these are. */
    PipelineKind pipelineKind();

    long cardsIn(UUID stageId);

    long cardsInPipeline(UUID pipelineId);

    /** Moves every card of {@code from} to {@code to} (a stage of the same pipeline and outcome), as {@code by}. */
    void moveAll(PipelineStage from, PipelineStage to, UUID by, Instant at);
}
