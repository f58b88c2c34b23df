package org.opencrm.identity.signup;

/** An e-mail signs in to one company only. */
class EmailTakenException extends RuntimeException {

    EmailTakenException() {
        super("An account with this e-mail already exists; sign in instead.");
    }
}
