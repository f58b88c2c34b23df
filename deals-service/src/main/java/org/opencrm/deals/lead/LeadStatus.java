package org.opencrm.deals.lead;

/** Where a lead is: being worked, turned into a deal, or lost. */
public enum LeadStatus {
    OPEN, CONVERTED, LOST
}
