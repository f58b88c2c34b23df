package org.opencrm.deals.card;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.UUID;

/** A lead or deal given up: why, and which lost stage (the pipeline's first lost stage by default). */
public record CardLoss(@NotBlank @Size(max = 500) String reason, UUID stageId, Long version) {
}
