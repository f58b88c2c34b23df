package org.opencrm.identity.session;

/** Wrong e-mail or password, an unusable refresh token, or an account that may not sign in: 401. */
class InvalidCredentialsException extends RuntimeException {

    InvalidCredentialsException(String message) {
        super(message);
    }
}
