package org.opencrm.deals.board;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.deals.deal.PaymentStatus;
import org.opencrm.deals.items.CardFilter;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A pipeline's board over HTTP, with the board's filters (responsible, source, dates, payment status, search). */
@RestController
@RequestMapping("/api/deals/pipelines/{id}/board")
class BoardController {

    private final Board board;

    BoardController(Board board) {
        this.board = board;
    }

    @GetMapping
    BoardView board(@PathVariable UUID id, @RequestParam(required = false) UUID owner,
            @RequestParam(defaultValue = "false") boolean unassigned, @RequestParam(required = false) String source,
            @RequestParam(required = false) Instant createdFrom, @RequestParam(required = false) Instant createdTo,
            @RequestParam(required = false) PaymentStatus paymentStatus, @RequestParam(required = false) String q) {
        return board.of(id, new CardFilter(owner, unassigned, source, createdFrom, createdTo, paymentStatus, q, null));
    }

    @GetMapping("/stages/{stageId}")
    BoardView.CardPage column(@PathVariable UUID id, @PathVariable UUID stageId,
            @RequestParam(required = false) String cursor, @RequestParam(required = false) UUID owner,
            @RequestParam(defaultValue = "false") boolean unassigned, @RequestParam(required = false) String source,
            @RequestParam(required = false) Instant createdFrom, @RequestParam(required = false) Instant createdTo,
            @RequestParam(required = false) PaymentStatus paymentStatus, @RequestParam(required = false) String q) {
        return board.column(id, stageId, new CardFilter(owner, unassigned, source, createdFrom, createdTo, paymentStatus,
                q, null), cursor);
    }
}
