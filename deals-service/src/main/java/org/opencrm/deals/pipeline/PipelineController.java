package org.opencrm.deals.pipeline;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

/** Pipelines and their stages over HTTP: read by everyone who works with clients, changed by an ADMIN. */
@RestController
@RequestMapping("/api/deals/pipelines")
class PipelineController {

    private final Pipelines pipelines;

    PipelineController(Pipelines pipelines) {
        this.pipelines = pipelines;
    }

    @GetMapping
    List<PipelineView> list(@RequestParam(required = false) PipelineKind kind) {
        return pipelines.list(kind);
    }

    @GetMapping("/{id}")
    PipelineView get(@PathVariable UUID id) {
        return pipelines.get(id);
    }

    @PostMapping
    ResponseEntity<PipelineView> create(@Valid @RequestBody Pipelines.NewPipeline request) {
        PipelineView created = pipelines.create(request);
        return ResponseEntity.created(URI.create("/api/deals/pipelines/" + created.id())).body(created);
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    PipelineView patch(@PathVariable UUID id, @RequestBody JsonNode patch) {
        return pipelines.patch(id, patch);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        pipelines.delete(id);
    }

    @PostMapping("/{id}/stages")
    ResponseEntity<PipelineView> addStage(@PathVariable UUID id, @Valid @RequestBody Pipelines.NewStage request) {
        return ResponseEntity.status(HttpStatus.CREATED).body(pipelines.addStage(id, request));
    }

    @PatchMapping(path = "/{id}/stages/{stageId}", consumes = {"application/merge-patch+json", "application/json"})
    PipelineView patchStage(@PathVariable UUID id, @PathVariable UUID stageId, @RequestBody JsonNode patch) {
        return pipelines.patchStage(id, stageId, patch);
    }

    /** Removes a stage; {@code moveTo} names where its cards go (required when it holds any). */
    @DeleteMapping("/{id}/stages/{stageId}")
    PipelineView deleteStage(@PathVariable UUID id, @PathVariable UUID stageId,
            @RequestParam(required = false) UUID moveTo) {
        return pipelines.deleteStage(id, stageId, moveTo);
    }
}
