package org.opencrm.identity.presence;

/** Where a colleague is (`002_*`): the status other users see next to their name. */
enum PresenceStatus {
    ONLINE, AWAY, DO_NOT_DISTURB, WORKING, OFFLINE
}
