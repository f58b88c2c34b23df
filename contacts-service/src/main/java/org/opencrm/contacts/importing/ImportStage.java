package org.opencrm.contacts.importing;

/**
 * What a running import is doing: reading and checking the rows, finding duplicates, writing the cards
 * (all in one transaction), then, after it committed, announcing the cards' events.
 */
public enum ImportStage {
    READING, MATCHING, WRITING, ANNOUNCING, DONE
}
