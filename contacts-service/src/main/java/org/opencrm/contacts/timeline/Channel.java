package org.opencrm.contacts.timeline;

/** How an interaction with the client happened (`001_*`: date, channel, direction, description). */
public enum Channel {
    CALL, EMAIL, MEETING, MESSAGE, CHAT, SMS, ORDER, DEAL, TASK, NOTE, OTHER
}
