package org.opencrm.deals.deal;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import java.math.BigDecimal;
import java.util.UUID;

/** A line of a deal: a product or service, how many, at what price and discount, and the line's total. */
@Embeddable
class DealLine {

    @Column(name = "id", nullable = false)
    private UUID lineId;

    @Column(name = "tenant_id", nullable = false)
    private UUID tenantId;

    @Column(name = "product_id", nullable = false)
    private UUID productId;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private BigDecimal quantity;

    @Column(name = "unit_price", nullable = false)
    private BigDecimal unitPrice;

    @Column(name = "discount_percent", nullable = false)
    private BigDecimal discountPercent;

    @Column(name = "line_total", nullable = false)
    private BigDecimal lineTotal;

    protected DealLine() {
    }

    DealLine(UUID tenantId, UUID productId, String name, BigDecimal quantity, BigDecimal unitPrice,
            BigDecimal discountPercent) {
        this.lineId = UUID.randomUUID();
        this.tenantId = tenantId;
        this.productId = productId;
        this.name = name;
        this.quantity = quantity;
        this.unitPrice = unitPrice;
        this.discountPercent = discountPercent;
        this.lineTotal = LineTotals.of(quantity, unitPrice, discountPercent);
    }

    UUID lineId() {
        return lineId;
    }

    UUID productId() {
        return productId;
    }

    String name() {
        return name;
    }

    BigDecimal quantity() {
        return quantity;
    }

    BigDecimal unitPrice() {
        return unitPrice;
    }

    BigDecimal discountPercent() {
        return discountPercent;
    }

    BigDecimal lineTotal() {
        return lineTotal;
    }
}
