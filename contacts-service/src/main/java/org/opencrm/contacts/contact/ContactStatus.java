package org.opencrm.contacts.contact;

/** Where a client stands (`003_*`: leads become active clients). */
public enum ContactStatus {
    LEAD, ACTIVE, FORMER
}
