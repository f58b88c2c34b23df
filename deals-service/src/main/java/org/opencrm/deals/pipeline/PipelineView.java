package org.opencrm.deals.pipeline;

import java.util.List;
import java.util.UUID;

/**
 * A pipeline with its stages in order, as the API shows it. {@code code} is set for a seeded pipeline or
 * stage (the web app translates it); {@code name}, once set, is shown instead.
 */
public record PipelineView(UUID id, PipelineKind kind, String code, String name, int position, long version,
        List<StageView> stages) {

    /** A stage as the API shows it. */
    public record StageView(UUID id, String code, String name, int position, Outcome outcome, String color) {

        static StageView of(Stage stage) {
            return new StageView(stage.id(), stage.code(), stage.name(), stage.position(), stage.outcome(), stage.color());
        }
    }

    static PipelineView of(Pipeline pipeline, List<Stage> stages) {
        return new PipelineView(pipeline.id(), pipeline.kind(), pipeline.code(), pipeline.name(), pipeline.position(),
                pipeline.version(), stages.stream().map(StageView::of).toList());
    }
}
