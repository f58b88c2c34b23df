package org.opencrm.deals.shop;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The loyalty programme's history of a contact (`002_*` 2.1.23), for the contact card. */
@RestController
@RequestMapping(path = "/api/deals/loyalty", produces = "application/json")
@Tag(name = "Loyalty")
class LoyaltyController {

    private final Loyalty loyalty;

    LoyaltyController(Loyalty loyalty) {
        this.loyalty = loyalty;
    }

    @GetMapping("/{contactId}")
    @Operation(summary = "The contact's bonus points: balance and entries, newest first (empty for an unknown contact)")
    Loyalty.Card card(@PathVariable UUID contactId) {
        return loyalty.card(contactId);
    }
}
