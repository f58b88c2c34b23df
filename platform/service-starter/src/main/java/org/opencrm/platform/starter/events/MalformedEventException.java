package org.opencrm.platform.starter.events;

/**
 * A Kafka record that cannot be read as a CRM event: no CloudEvents headers, or a value that is not JSON.
 * Retrying cannot help, so the error handler sends it straight to the dead-letter topic.
 */
public class MalformedEventException extends RuntimeException {

    public MalformedEventException(String message) {
        super(message);
    }

    public MalformedEventException(String message, Throwable cause) {
        super(message, cause);
    }
}
