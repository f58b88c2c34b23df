package org.opencrm.platform.starter.web;

/**
 * A record that does not exist for the caller: missing, deleted, or another tenant's (which is never told
 * apart from missing). Answered 404.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " was not found");
    }
}
