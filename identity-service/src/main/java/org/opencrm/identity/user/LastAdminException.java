package org.opencrm.identity.user;

/** A company must keep at least one active administrator, and nobody deactivates themselves. */
class LastAdminException extends RuntimeException {

    LastAdminException(String message) {
        super(message);
    }
}
