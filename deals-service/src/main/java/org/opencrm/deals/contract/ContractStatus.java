package org.opencrm.deals.contract;

/** Where a contract stands: being drawn up, in force, fulfilled, or ended early. */
public enum ContractStatus {
    DRAFT, ACTIVE, COMPLETED, TERMINATED
}
