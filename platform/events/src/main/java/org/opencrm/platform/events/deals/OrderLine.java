package org.opencrm.platform.events.deals;

import java.math.BigDecimal;
import java.util.UUID;

/** A line of a shop order as events carry it: the product (and the shop's SKU), how many, at what price. */
public record OrderLine(UUID productId, String sku, String name, BigDecimal quantity, BigDecimal unitPrice) {
}
