package org.opencrm.contacts.importing;

/** An uploaded file that cannot be read as CSV or XLSX, with the reason a person can act on. */
class UnreadableFileException extends RuntimeException {

    UnreadableFileException(String reason) {
        super(reason);
    }

    UnreadableFileException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
