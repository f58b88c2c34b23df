package org.opencrm.deals.deal;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.opencrm.deals.card.CardLoss;
import org.opencrm.deals.card.CardMove;
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

/** A deal's card over HTTP: open, read, change, move, lose, delete. The list of deals is {@code GET /api/deals/deals} (items). */
@RestController
@RequestMapping("/api/deals/deals")
class DealController {

    private final Deals deals;

    DealController(Deals deals) {
        this.deals = deals;
    }

    @PostMapping
    ResponseEntity<DealView> create(@Valid @RequestBody DealState state) {
        DealView created = deals.create(state);
        return ResponseEntity.created(URI.create("/api/deals/deals/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    DealView get(@PathVariable UUID id) {
        return deals.get(id);
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    DealView patch(@PathVariable UUID id, @RequestBody JsonNode patch) {
        return deals.patch(id, patch);
    }

    /** Moves the deal to a stage: 409 if {@code version} is not the deal's current one. */
    @PostMapping("/{id}/move")
    DealView move(@PathVariable UUID id, @Valid @RequestBody CardMove move) {
        return deals.move(id, move);
    }

    @PostMapping("/{id}/lose")
    DealView lose(@PathVariable UUID id, @Valid @RequestBody CardLoss loss) {
        return deals.lose(id, loss);
    }

    /** Deletes a deal opened by mistake: 204; 409 for a stale {@code version} or a shop order's deal. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id, @RequestParam(required = false) Long version) {
        deals.delete(id, version);
    }
}
