package org.opencrm.deals.deal;

/** Where a deal is; it follows the outcome of the deal's stage. */
public enum DealStatus {
    OPEN, WON, LOST
}
