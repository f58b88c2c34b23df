package org.opencrm.contacts.importing;

/** A running import was asked to stop (cancelled, or its service is shutting down): its transaction rolls back. */
class ImportStoppedException extends RuntimeException {

    private final ImportStatus status;

    ImportStoppedException(ImportStatus status, String reason) {
        super(reason);
        this.status = status;
    }

    ImportStatus status() {
        return status;
    }
}
