package org.opencrm.identity.user;

/** A paging cursor that this service did not hand out. */
class InvalidCursorException extends RuntimeException {

    InvalidCursorException() {
        super("The cursor is not valid; start from the first page.");
    }
}
