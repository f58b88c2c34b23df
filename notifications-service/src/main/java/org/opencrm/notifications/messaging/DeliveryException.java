package org.opencrm.notifications.messaging;

/** Sending a message failed; {@code permanent} when trying again cannot help (a refused address or number). */
class DeliveryException extends Exception {

    private final boolean permanent;

    DeliveryException(String reason, boolean permanent, Throwable cause) {
        super(reason, cause);
        this.permanent = permanent;
    }

    boolean permanent() {
        return permanent;
    }
}
