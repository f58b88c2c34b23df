package org.opencrm.deals.card;

/** The two kinds of card the boards show: a lead and a deal. */
public enum CardKind {
    LEAD, DEAL
}
