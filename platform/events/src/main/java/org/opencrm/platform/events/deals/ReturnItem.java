package org.opencrm.platform.events.deals;

import java.math.BigDecimal;
import java.util.UUID;

/** A returned item: the product (and the shop's SKU) and how many. */
public record ReturnItem(UUID productId, String sku, String name, BigDecimal quantity) {
}
