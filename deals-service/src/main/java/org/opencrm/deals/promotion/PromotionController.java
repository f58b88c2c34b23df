package org.opencrm.deals.promotion;

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

/** Promotions and discounts over HTTP ({@code type=PROMOTION|DISCOUNT}), each with what is attributed to it. */
@RestController
@RequestMapping("/api/deals/promotions")
class PromotionController {

    private final Promotions promotions;

    PromotionController(Promotions promotions) {
        this.promotions = promotions;
    }

    @GetMapping
    Promotions.Page list(@RequestParam(required = false) PromotionType type, @RequestParam(required = false) String q,
            @RequestParam(required = false) UUID productId, @RequestParam(required = false) LocalDate activeFrom,
            @RequestParam(required = false) LocalDate activeTo, @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        return promotions.list(type, q, productId, activeFrom, activeTo, cursor, limit);
    }

    @GetMapping("/{id}")
    Promotions.View get(@PathVariable UUID id) {
        return promotions.get(id);
    }

    @PostMapping
    ResponseEntity<Promotions.View> create(@Valid @RequestBody Promotions.State state) {
        Promotions.View created = promotions.create(state);
        return ResponseEntity.created(URI.create("/api/deals/promotions/" + created.id())).body(created);
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    Promotions.View patch(@PathVariable UUID id, @RequestBody JsonNode patch) {
        return promotions.patch(id, patch);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        promotions.delete(id);
    }
}
