package org.opencrm.deals.pipeline;

import jakarta.persistence.EntityManager;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.opencrm.deals.access.Access;
import org.opencrm.platform.starter.security.CurrentUser;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.MergePatch;
import org.opencrm.platform.starter.web.NotFoundException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * The company's pipelines and their stages: everyone who works with clients reads them, an ADMIN changes
 * them. Every pipeline keeps at least one open stage, exactly one won stage and at least one lost stage,
 * and a stage holding leads or deals goes only with its cards moved to another stage of the same outcome.
 * Leads and deals ask here where a card may stand ({@link #place}, {@link #target}).
 */
@Service
public class Pipelines {

    private static final String COLOR = "^#[0-9a-fA-F]{6}$";

    /** A new pipeline with its stages in order. */
    public record NewPipeline(@NotBlank @Size(max = 100) String name, @NotNull PipelineKind kind,
            @NotEmpty @Size(max = 30) List<@Valid @NotNull NewStage> stages) {
    }

    /** A new stage; without a position it goes before the pipeline's first closed (won or lost) stage. */
    public record NewStage(@NotBlank @Size(max = 100) String name, @NotNull Outcome outcome,
            @Pattern(regexp = COLOR) String color, @PositiveOrZero Integer position) {
    }

    /** What a merge patch of a pipeline may change. */
    public record PipelineState(@Size(max = 100) String name, @PositiveOrZero Integer position, Long version) {
    }

    /** What a merge patch of a stage may change. */
    public record StageState(@Size(max = 100) String name, Outcome outcome, @Pattern(regexp = COLOR) String color,
            @PositiveOrZero Integer position) {
    }

    private final PipelineRepository pipelines;
    private final StageRepository stages;
    private final PipelineSeeder seeder;
    private final Access access;
    private final MergePatch mergePatch;
    /** Leads and deals, which themselves ask pipelines where their cards may stand: looked up when needed. */
    private final ObjectProvider<StageOccupancy> occupancies;
    private final EntityManager entityManager;

    Pipelines(PipelineRepository pipelines, StageRepository stages, PipelineSeeder seeder, Access access,
            MergePatch mergePatch, ObjectProvider<StageOccupancy> occupancies, EntityManager entityManager) {
        this.entityManager = entityManager;
        this.pipelines = pipelines;
        this.stages = stages;
        this.seeder = seeder;
        this.access = access;
        this.mergePatch = mergePatch;
        this.occupancies = occupancies;
    }

    /** The company's pipelines (of one kind, or all), seeded on first use. */
    @Transactional
    public List<PipelineView> list(PipelineKind kind) {
        access.visibility();
        seeder.ensureSeeded();
        // lead pipelines first, as a lead comes before its deal
        List<Pipeline> found = kind == null ? pipelines.inOrder().stream()
                .sorted(java.util.Comparator.comparing(Pipeline::kind)).toList() : pipelines.inOrder(kind);
        Map<UUID, List<Stage>> byPipeline = new LinkedHashMap<>();
        found.forEach(p -> byPipeline.put(p.id(), new ArrayList<>()));
        if (!found.isEmpty()) {
            stages.of(byPipeline.keySet()).forEach(s -> byPipeline.get(s.pipelineId()).add(s));
        }
        return found.stream().map(p -> PipelineView.of(p, byPipeline.get(p.id()))).toList();
    }

    @Transactional(readOnly = true)
    public PipelineView get(UUID id) {
        access.visibility();
        Pipeline pipeline = pipelines.findById(id).orElseThrow(() -> new NotFoundException("Pipeline", id));
        return PipelineView.of(pipeline, stages.of(id));
    }

    @Transactional
    public PipelineView create(NewPipeline request) {
        access.requireAdmin();
        seeder.ensureSeeded();
        StageRules.check(request.stages().stream().map(NewStage::outcome).toList(), "stages");
        Instant now = now();
        int position = pipelines.inOrder(request.kind()).size();
        Pipeline pipeline = new Pipeline(request.kind(), request.name().strip(), position, now);
        entityManager.persist(pipeline);
        List<NewStage> ordered = new ArrayList<>(request.stages());
        for (int i = 0; i < ordered.size(); i++) {
            NewStage stage = ordered.get(i);
            entityManager.persist(new Stage(pipeline.id(), stage.name().strip(), i, stage.outcome(), stage.color()));
        }
        pipelines.flush();
        return PipelineView.of(pipeline, stages.of(pipeline.id()));
    }

    /** Renames or reorders a pipeline (JSON merge patch of {@link PipelineState}). */
    @Transactional
    public PipelineView patch(UUID id, JsonNode patch) {
        access.requireAdmin();
        Pipeline pipeline = locked(id);
        PipelineState state = mergePatch.apply(new PipelineState(pipeline.name(), pipeline.position(), null), patch,
                PipelineState.class);
        if (state.version() != null && state.version() != pipeline.version()) {
            throw new OptimisticLockingFailureException("The pipeline was changed by someone else; reload it.");
        }
        String name = blankToNull(state.name());
        if (name == null && pipeline.code() == null) {
            throw InvalidFieldsException.of("name", "must not be blank");
        }
        Instant now = now();
        pipeline.rename(name, now);
        if (state.position() != null && state.position() != pipeline.position()) {
            List<Pipeline> ordered = new ArrayList<>(pipelines.inOrder(pipeline.kind()));
            reorder(ordered, pipeline, state.position(), Pipeline::placeAt);
        }
        pipelines.flush();
        return PipelineView.of(pipeline, stages.of(id));
    }

    /** Removes a pipeline that holds no cards and is not the company's last of its kind. */
    @Transactional
    public void delete(UUID id) {
        access.requireAdmin();
        Pipeline pipeline = locked(id);
        long cards = occupancy(pipeline.kind()).cardsInPipeline(id);
        if (cards > 0) {
            throw InvalidFieldsException.of("pipeline", "holds " + cards + " cards; move or close them first");
        }
        List<Pipeline> ofKind = new ArrayList<>(pipelines.inOrder(pipeline.kind()));
        if (ofKind.size() == 1) {
            throw InvalidFieldsException.of("pipeline", "is the company's last " + pipeline.kind().name().toLowerCase()
                    + " pipeline");
        }
        Instant now = now();
        stages.of(id).forEach(stage -> stage.retire(now));
        pipeline.retire(now);
        ofKind.remove(pipeline);
        for (int i = 0; i < ofKind.size(); i++) {
            ofKind.get(i).placeAt(i);
        }
    }

    @Transactional
    public PipelineView addStage(UUID pipelineId, NewStage request) {
        access.requireAdmin();
        Pipeline pipeline = locked(pipelineId);
        List<Stage> current = new ArrayList<>(stages.of(pipelineId));
        List<Outcome> outcomes = new ArrayList<>(current.stream().map(Stage::outcome).toList());
        outcomes.add(request.outcome());
        StageRules.check(outcomes, "outcome");
        Stage stage = new Stage(pipelineId, request.name().strip(), current.size(), request.outcome(), request.color());
        entityManager.persist(stage);
        int position = request.position() != null ? request.position()
                : (int) current.stream().filter(s -> s.outcome() == Outcome.OPEN).count();
        current.add(stage);
        reorder(current, stage, position, Stage::placeAt);
        pipeline.touch(now());
        pipelines.flush();
        return PipelineView.of(pipeline, stages.of(pipelineId));
    }

    /** Renames, recolours, reorders a stage or changes its outcome (JSON merge patch of {@link StageState}). */
    @Transactional
    public PipelineView patchStage(UUID pipelineId, UUID stageId, JsonNode patch) {
        access.requireAdmin();
        Pipeline pipeline = locked(pipelineId);
        List<Stage> current = new ArrayList<>(stages.of(pipelineId));
        Stage stage = current.stream().filter(s -> s.id().equals(stageId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Stage", stageId));
        StageState state = mergePatch.apply(new StageState(stage.name(), stage.outcome(), stage.color(), stage.position()),
                patch, StageState.class);
        String name = blankToNull(state.name());
        if (name == null && stage.code() == null) {
            throw InvalidFieldsException.of("name", "must not be blank");
        }
        Outcome outcome = state.outcome() == null ? stage.outcome() : state.outcome();
        if (outcome != stage.outcome()) {
            StageRules.check(current.stream().map(s -> s == stage ? outcome : s.outcome()).toList(), "outcome");
            long cards = occupancy(pipeline.kind()).cardsIn(stageId);
            if (cards > 0) {
                throw InvalidFieldsException.of("outcome", "cannot change while the stage holds " + cards
                        + " cards; move them first");
            }
        }
        stage.change(name, outcome, state.color());
        if (state.position() != null && state.position() != stage.position()) {
            reorder(current, stage, state.position(), Stage::placeAt);
        }
        pipeline.touch(now());
        pipelines.flush();
        return PipelineView.of(pipeline, stages.of(pipelineId));
    }

    /**
     * Removes a stage; the cards standing in it go to {@code moveTo} (a stage of the same pipeline and outcome),
     * which is required when there are any (400 naming {@code moveTo}).
     */
    @Transactional
    public PipelineView deleteStage(UUID pipelineId, UUID stageId, UUID moveTo) {
        access.requireAdmin();
        Pipeline pipeline = locked(pipelineId);
        List<Stage> current = new ArrayList<>(stages.of(pipelineId));
        Stage stage = current.stream().filter(s -> s.id().equals(stageId)).findFirst()
                .orElseThrow(() -> new NotFoundException("Stage", stageId));
        current.remove(stage);
        StageRules.check(current.stream().map(Stage::outcome).toList(), "stageId");
        StageOccupancy occupancy = occupancy(pipeline.kind());
        long cards = occupancy.cardsIn(stageId);
        Instant now = now();
        if (moveTo != null || cards > 0) {
            if (moveTo == null) {
                throw InvalidFieldsException.of("moveTo", "is required: the stage holds " + cards
                        + " cards; name a stage of the pipeline to move them to");
            }
            Stage target = current.stream().filter(s -> s.id().equals(moveTo)).findFirst()
                    .orElseThrow(() -> InvalidFieldsException.of("moveTo", "is not another stage of this pipeline"));
            if (target.outcome() != stage.outcome()) {
                throw InvalidFieldsException.of("moveTo", "must be a stage with the same outcome ("
                        + stage.outcome() + ") as the one removed");
            }
            if (cards > 0) {
                occupancy.moveAll(PipelineStage.of(stage, pipeline.kind()), PipelineStage.of(target, pipeline.kind()),
                        CurrentUser.require().userId(), now);
            }
        }
        stage.retire(now);
        for (int i = 0; i < current.size(); i++) {
            current.get(i).placeAt(i);
        }
        pipeline.touch(now);
        pipelines.flush();
        return PipelineView.of(pipeline, stages.of(pipelineId));
    }

    /**
     * Where a new card stands: the stage asked for, else the first open stage of the pipeline asked for, else
     * of the company's first pipeline of the kind. 400 naming {@code pipelineId} or {@code stageId} for an
     * unknown one, one of another kind, or a stage of another pipeline. Runs in the caller's transaction.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public PipelineStage place(PipelineKind kind, UUID pipelineId, UUID stageId) {
        if (stageId != null) {
            PipelineStage stage = stages.find(stageId).filter(s -> s.kind() == kind)
                    .orElseThrow(() -> InvalidFieldsException.of("stageId", "is not a stage of a "
                            + kind.name().toLowerCase() + " pipeline of the company"));
            if (pipelineId != null && !pipelineId.equals(stage.pipelineId())) {
                throw InvalidFieldsException.of("stageId", "is not a stage of pipeline " + pipelineId);
            }
            return stage;
        }
        UUID pipeline = pipelineId;
        if (pipeline == null) {
            seeder.ensureSeeded();
            pipeline = pipelines.inOrder(kind).stream().findFirst().map(Pipeline::id)
                    .orElseThrow(() -> InvalidFieldsException.of("pipelineId", "is required: the company has no "
                            + kind.name().toLowerCase() + " pipeline"));
        } else if (pipelines.findById(pipeline).filter(p -> p.kind() == kind).isEmpty()) {
            throw InvalidFieldsException.of("pipelineId", "is not a " + kind.name().toLowerCase()
                    + " pipeline of the company");
        }
        return firstOf(pipeline, Outcome.OPEN).orElseThrow();
    }

    /**
     * The stage a card moves to: one of its own pipeline, or of {@code pipelineId} (another pipeline of the same
     * kind) when given. 400 naming the field otherwise.
     */
    @Transactional(propagation = org.springframework.transaction.annotation.Propagation.MANDATORY)
    public PipelineStage target(PipelineKind kind, UUID currentPipelineId, UUID pipelineId, UUID stageId) {
        UUID pipeline = pipelineId == null ? currentPipelineId : pipelineId;
        if (pipelineId != null && pipelines.findById(pipelineId).filter(p -> p.kind() == kind).isEmpty()) {
            throw InvalidFieldsException.of("pipelineId", "is not a " + kind.name().toLowerCase()
                    + " pipeline of the company");
        }
        return stages.find(stageId).filter(s -> s.pipelineId().equals(pipeline))
                .orElseThrow(() -> InvalidFieldsException.of("stageId", "is not a stage of the pipeline "
                        + (pipelineId == null ? "the card is in" : pipelineId.toString())));
    }

    /** A live stage, by id (leads and deals stand only in live stages). */
    @Transactional(readOnly = true)
    public PipelineStage stage(UUID stageId) {
        return stages.find(stageId).orElseThrow(() -> new IllegalStateException("No live stage " + stageId));
    }

    /** A live stage of the company, by id, if it has it. */
    @Transactional(readOnly = true)
    public Optional<PipelineStage> findStage(UUID stageId) {
        return stages.find(stageId);
    }

    /** The first stage of an outcome in the pipeline's order (the won stage: the only one). */
    @Transactional(readOnly = true)
    public Optional<PipelineStage> firstOf(UUID pipelineId, Outcome outcome) {
        PipelineKind kind = pipelines.findById(pipelineId).map(Pipeline::kind).orElse(null);
        if (kind == null) {
            return Optional.empty();
        }
        return stages.of(pipelineId).stream().filter(s -> s.outcome() == outcome).findFirst()
                .map(s -> PipelineStage.of(s, kind));
    }

    /** The live stages of a pipeline in order, or 404 for a pipeline the company does not have. */
    @Transactional(readOnly = true)
    public List<PipelineStage> stagesOf(UUID pipelineId) {
        Pipeline pipeline = pipelines.findById(pipelineId).orElseThrow(() -> new NotFoundException("Pipeline", pipelineId));
        return stages.of(pipelineId).stream().map(s -> PipelineStage.of(s, pipeline.kind())).toList();
    }

    /** The kind of a pipeline of the company, if it has it. */
    @Transactional(readOnly = true)
    public Optional<PipelineKind> kindOf(UUID pipelineId) {
        return pipelines.findById(pipelineId).map(Pipeline::kind);
    }

    private Pipeline locked(UUID id) {
        return pipelines.lock(id).orElseThrow(() -> new NotFoundException("Pipeline", id));
    }

    private StageOccupancy occupancy(PipelineKind kind) {
        return occupancies.stream().filter(o -> o.pipelineKind() == kind).findFirst()
                .orElseThrow(() -> new IllegalStateException("Nobody keeps the cards of " + kind + " pipelines"));
    }

    /** Puts {@code moved} at {@code position} (clamped) and numbers all from 0 in their order. */
    private static <T> void reorder(List<T> ordered, T moved, int position, java.util.function.ObjIntConsumer<T> place) {
        ordered.remove(moved);
        ordered.add(Math.clamp(position, 0, ordered.size()), moved);
        for (int i = 0; i < ordered.size(); i++) {
            place.accept(ordered.get(i), i);
        }
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
