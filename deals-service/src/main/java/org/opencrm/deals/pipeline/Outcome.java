package org.opencrm.deals.pipeline;

/** What reaching a stage means: the card is still being worked (OPEN), or closed as WON or LOST. */
public enum Outcome {
    OPEN, WON, LOST
}
