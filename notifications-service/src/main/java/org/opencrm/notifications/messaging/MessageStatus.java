package org.opencrm.notifications.messaging;

/** PENDING until sent or given up. */
enum MessageStatus {
    PENDING, SENT, FAILED
}
