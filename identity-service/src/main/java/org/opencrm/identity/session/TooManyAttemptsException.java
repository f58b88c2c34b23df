package org.opencrm.identity.session;

import java.time.Duration;

/** Too many sign-in attempts for an account or from an address; answered 429 with Retry-After. */
class TooManyAttemptsException extends RuntimeException {

    private final Duration retryAfter;

    TooManyAttemptsException(Duration retryAfter) {
        super("Too many sign-in attempts");
        this.retryAfter = retryAfter;
    }

    Duration retryAfter() {
        return retryAfter;
    }
}
