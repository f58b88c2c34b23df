package org.opencrm.contacts.importing;

/** Where an import stands. COMPLETED, FAILED and CANCELLED are final, except that a failed or cancelled import may be started again. */
public enum ImportStatus {
    UPLOADED, RUNNING, COMPLETED, FAILED, CANCELLED
}
