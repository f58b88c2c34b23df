package org.opencrm.deals.card;

import java.util.UUID;

/** A lead or deal the caller sees, with its owner (who decides who else may see it). */
public record CardRef(CardKind kind, UUID id, UUID ownerId) {
}
