package org.opencrm.deals.items;

import java.util.List;

/** A page of the list, and the cursor of the next one (null on the last). */
public record ItemPage(List<Item> items, String nextCursor) {
}
