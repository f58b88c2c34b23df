package org.opencrm.deals.shop;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Returns of goods for the staff (`002_*` 2.1.16): the list, one return, approve and reject. */
@RestController
@Validated
@RequestMapping(path = "/api/deals/returns", produces = "application/json")
@Tag(name = "Returns")
class ReturnController {

    /** A manager's decision: an optional note, and the version the manager saw (stale: 409). */
    record Decision(@Size(max = 1000) String note, Long version) {
    }

    private final Returns returns;

    ReturnController(Returns returns) {
        this.returns = returns;
    }

    @GetMapping
    @Operation(summary = "The returns of the deals the user sees, newest first")
    List<Returns.ReturnView> list(@RequestParam(required = false) ReturnStatus status,
            @RequestParam(required = false) UUID dealId, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "50") @Min(1) @Max(200) int size) {
        return returns.list(status, dealId, page, size);
    }

    @GetMapping("/{id}")
    Returns.ReturnView get(@PathVariable UUID id) {
        return returns.get(id);
    }

    @PostMapping("/{id}/approve")
    @Operation(summary = "Approve a requested return (return.approved)")
    Returns.ReturnView approve(@PathVariable UUID id, @Valid @RequestBody(required = false) Decision decision) {
        Decision d = decision == null ? new Decision(null, null) : decision;
        return returns.decide(id, ReturnStatus.APPROVED, d.note(), d.version());
    }

    @PostMapping("/{id}/reject")
    @Operation(summary = "Reject a requested return (return.rejected)")
    Returns.ReturnView reject(@PathVariable UUID id, @Valid @RequestBody(required = false) Decision decision) {
        Decision d = decision == null ? new Decision(null, null) : decision;
        return returns.decide(id, ReturnStatus.REJECTED, d.note(), d.version());
    }
}
