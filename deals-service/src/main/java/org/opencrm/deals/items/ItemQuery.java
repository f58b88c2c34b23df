package org.opencrm.deals.items;

import java.util.UUID;
import org.opencrm.deals.card.CardKind;

/**
 * What the list shows: leads, deals or both ({@code type} null), in a pipeline or stage, with the shared
 * {@link CardFilter}; a page of {@code limit} after {@code cursor}, newest first.
 */
public record ItemQuery(CardKind type, UUID pipeline, UUID stage, CardFilter filter, String cursor, int limit) {
}
