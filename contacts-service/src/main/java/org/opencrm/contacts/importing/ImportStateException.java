package org.opencrm.contacts.importing;

/** An import asked to do what its state does not allow (start one that runs, cancel one that completed): 409. */
class ImportStateException extends RuntimeException {

    ImportStateException(String message) {
        super(message);
    }
}
