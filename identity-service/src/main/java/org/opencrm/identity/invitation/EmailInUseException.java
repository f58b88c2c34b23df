package org.opencrm.identity.invitation;

/** The invited e-mail already signs in to a company (this one or another). */
class EmailInUseException extends RuntimeException {

    EmailInUseException() {
        super("Someone already signs in with this e-mail.");
    }
}
