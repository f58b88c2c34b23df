package org.opencrm.contacts.importing;

/**
 * What a running import is doing: reading and checking the rows, finding duplicates, writing the contacts
 * (all in one transaction), then, after it committed, announcing the contacts' events.
 */
public enum ImportStage {
    READING, MATCHING, WRITING, ANNOUNCING, DONE
}
