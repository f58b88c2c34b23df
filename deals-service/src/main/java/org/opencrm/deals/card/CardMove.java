package org.opencrm.deals.card;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/**
 * A move of a lead or deal to another stage, as the board sends it when a card is dropped: the stage, the
 * card's version the board showed (a stale one is 409 and nothing moves), the reason when the stage is a
 * lost one, and {@code pipelineId} only to move the card into another pipeline of the same kind.
 */
public record CardMove(@NotNull UUID stageId, @NotNull Long version, UUID pipelineId,
        @Size(max = 500) String lostReason) {
}
