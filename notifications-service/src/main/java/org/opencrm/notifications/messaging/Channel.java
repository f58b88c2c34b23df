package org.opencrm.notifications.messaging;

/** How a message travels. */
enum Channel {
    EMAIL, SMS
}
