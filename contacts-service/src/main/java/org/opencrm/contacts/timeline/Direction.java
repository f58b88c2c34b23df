package org.opencrm.contacts.timeline;

/** Who started the interaction: the client (IN) or the company (OUT). */
public enum Direction {
    IN, OUT
}
