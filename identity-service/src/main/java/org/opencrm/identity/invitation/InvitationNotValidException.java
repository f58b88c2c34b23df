package org.opencrm.identity.invitation;

/** The invitation token is unknown, used, revoked or expired; which one is not told. */
class InvitationNotValidException extends RuntimeException {

    InvitationNotValidException() {
        super("This invitation is not valid any more; ask your administrator for a new one.");
    }
}
