package org.opencrm.deals.board;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencrm.deals.card.CardKind;
import org.opencrm.deals.pipeline.Outcome;

/**
 * A pipeline's kanban board (`002_*` 2.1.1, 2.1.2, 3.10): its columns in stage order, each with how many
 * cards it holds and their sums per currency (after the filters), and its first page of cards.
 */
record BoardView(UUID pipelineId, CardKind cards, List<Column> columns) {

    /** A stage's column. {@code nextCursor} fetches its next page ({@code .../board/stages/{stageId}?cursor=}). */
    record Column(UUID stageId, String code, String name, Outcome outcome, String color, long count, List<Sum> sums,
            List<Card> cards, String nextCursor) {
    }

    /** The amount of a column's deals in one currency. */
    record Sum(String currency, BigDecimal amount) {
    }

    /** A page of one column. */
    record CardPage(List<Card> cards, String nextCursor) {
    }

    /**
     * A card on the board: a lead (its client's name, phone) or a deal (title or client, amount, payment);
     * {@code version} goes with a move, so that a card someone else changed is not moved blindly.
     */
    record Card(UUID id, long number, String title, String contactName, String phone, BigDecimal amount,
            String currency, UUID ownerId, String paymentStatus, String paymentType, String source, String sourceDetail,
            String status, Instant createdAt, long version) {
    }
}
