package org.opencrm.deals.product;

/** What is sold: goods or a service (`003_*`). */
public enum ProductKind {
    PRODUCT, SERVICE
}
