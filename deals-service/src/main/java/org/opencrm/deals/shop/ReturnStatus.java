package org.opencrm.deals.shop;

/** Where a return stands: asked for, then approved or rejected by a manager (or by the shop). */
enum ReturnStatus {
    REQUESTED, APPROVED, REJECTED
}
