package org.opencrm.deals.campaign;

import jakarta.validation.Valid;
import java.net.URI;
import java.time.LocalDate;
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

/** Advertising campaigns over HTTP, each with the leads and deals attributed to it. */
@RestController
@RequestMapping("/api/deals/campaigns")
class CampaignController {

    private final Campaigns campaigns;

    CampaignController(Campaigns campaigns) {
        this.campaigns = campaigns;
    }

    /** {@code activeFrom}/{@code activeTo}: campaigns whose period overlaps those dates. */
    @GetMapping
    Campaigns.Page list(@RequestParam(required = false) String q, @RequestParam(required = false) CampaignStatus status,
            @RequestParam(required = false) Channel channel, @RequestParam(required = false) UUID productId,
            @RequestParam(required = false) UUID ownerId, @RequestParam(required = false) LocalDate activeFrom,
            @RequestParam(required = false) LocalDate activeTo, @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        return campaigns.list(new Campaigns.Filter(q, status, channel, productId, ownerId, activeFrom, activeTo), cursor,
                limit);
    }

    @GetMapping("/{id}")
    Campaigns.View get(@PathVariable UUID id) {
        return campaigns.get(id);
    }

    @PostMapping
    ResponseEntity<Campaigns.View> create(@Valid @RequestBody Campaigns.State state) {
        Campaigns.View created = campaigns.create(state);
        return ResponseEntity.created(URI.create("/api/deals/campaigns/" + created.id())).body(created);
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    Campaigns.View patch(@PathVariable UUID id, @RequestBody JsonNode patch) {
        return campaigns.patch(id, patch);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        campaigns.delete(id);
    }
}
