package org.opencrm.deals.product;

import jakarta.validation.Valid;
import java.net.URI;
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

/** The catalogue of products and services over HTTP. */
@RestController
@RequestMapping("/api/deals/products")
class ProductController {

    private final Products products;

    ProductController(Products products) {
        this.products = products;
    }

    @GetMapping
    Products.Page list(@RequestParam(required = false) String q, @RequestParam(required = false) ProductKind kind,
            @RequestParam(required = false) Boolean active, @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        return products.list(q, kind, active, cursor, limit);
    }

    @GetMapping("/{id}")
    Products.View get(@PathVariable UUID id) {
        return products.get(id);
    }

    @PostMapping
    ResponseEntity<Products.View> create(@Valid @RequestBody Products.State state) {
        Products.View created = products.create(state);
        return ResponseEntity.created(URI.create("/api/deals/products/" + created.id())).body(created);
    }

    @PatchMapping(path = "/{id}", consumes = {"application/merge-patch+json", "application/json"})
    Products.View patch(@PathVariable UUID id, @RequestBody JsonNode patch) {
        return products.patch(id, patch);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable UUID id) {
        products.delete(id);
    }
}
