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

/** Promo codes over HTTP, each with its uses and what is attributed to it. */
@RestController
@RequestMapping("/api/deals/promo-codes")
class PromoCodeController {

    private final PromoCodes codes;

    PromoCodeController(PromoCodes codes) {
        this.codes = codes;
    }

    @GetMapping
    PromoCodes.Page list(@RequestParam(required = false) String q, @RequestParam(required = false) UUID promotionId,
            @RequestParam(required = false) LocalDate activeFrom, @RequestParam(required = false) LocalDate activeTo,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        return codes.list(q, promotionId, activeFrom, activeTo, cursor, limit);
    }

    @GetMapping("/{id}")
    PromoCodes.View get(@PathVariable UUID id) {
        return codes.get(id);
    }

    @PostMapping
    ResponseEntity<PromoCodes.View> create(@Valid @RequestBody PromoCodes.State state) {
        PromoCodes.View created = codes.create(state);
        return ResponseEntity.created(URI.create("/api/deals/promo-codes/" + created.id())).body(created);
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    PromoCodes.View patch(@PathVariable UUID id, @RequestBody JsonNode patch) {
        return codes.patch(id, patch);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        codes.delete(id);
    }
}
