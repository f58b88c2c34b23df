package org.opencrm.deals.pipeline;

import java.util.UUID;
import org.opencrm.platform.events.deals.StageRef;

/** A live stage with what leads and deals need of it: its pipeline and that pipeline's kind, its outcome. */
public record PipelineStage(UUID id, UUID pipelineId, PipelineKind kind, String code, String name, int position,
        Outcome outcome, String color) {

    /** The stage as events name it. */
    public StageRef ref() {
        return new StageRef(id, code, name, outcome.name());
    }

    static PipelineStage of(Stage stage, PipelineKind kind) {
        return new PipelineStage(stage.id(), stage.pipelineId(), kind, stage.code(), stage.name(), stage.position(),
                stage.outcome(), stage.color());
    }
}
