package org.opencrm.deals.lead;

import jakarta.validation.Valid;
import java.net.URI;
import java.util.UUID;
import org.opencrm.deals.card.CardLoss;
import org.opencrm.deals.card.CardMove;
import org.opencrm.deals.deal.DealView;
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

/** A lead's card over HTTP: take in, read, change, move, lose, convert, delete. The list of leads is {@code GET /api/deals/leads} (items). */
@RestController
@RequestMapping("/api/deals/leads")
class LeadController {

    private final Leads leads;

    LeadController(Leads leads) {
        this.leads = leads;
    }

    @PostMapping
    ResponseEntity<LeadView> create(@Valid @RequestBody LeadState state) {
        LeadView created = leads.create(state);
        return ResponseEntity.created(URI.create("/api/deals/leads/" + created.id())).body(created);
    }

    @GetMapping("/{id}")
    LeadView get(@PathVariable UUID id) {
        return leads.get(id);
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    LeadView patch(@PathVariable UUID id, @RequestBody JsonNode patch) {
        return leads.patch(id, patch);
    }

    /** Moves the lead to a stage: 409 if {@code version} is not the lead's current one. */
    @PostMapping("/{id}/move")
    LeadView move(@PathVariable UUID id, @Valid @RequestBody CardMove move) {
        return leads.move(id, move);
    }

    @PostMapping("/{id}/lose")
    LeadView lose(@PathVariable UUID id, @Valid @RequestBody CardLoss loss) {
        return leads.lose(id, loss);
    }

    /** Deletes a lead taken in by mistake: 204; 409 for a stale {@code version}. A converted lead's deal stays. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id, @RequestParam(required = false) Long version) {
        leads.delete(id, version);
    }

    /** Converts the lead into a deal: 201 with the new deal; 409 if it was converted already. */
    @PostMapping("/{id}/convert")
    ResponseEntity<DealView> convert(@PathVariable UUID id, @Valid @RequestBody(required = false) Leads.Conversion conversion) {
        DealView deal = leads.convert(id, conversion == null ? new Leads.Conversion(null, null, null, null, null)
                : conversion);
        return ResponseEntity.status(HttpStatus.CREATED).location(URI.create("/api/deals/deals/" + deal.id()))
                .body(deal);
    }
}
