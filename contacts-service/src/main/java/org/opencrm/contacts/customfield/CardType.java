package org.opencrm.contacts.customfield;

/** The kinds of card custom fields are defined for. */
public enum CardType {
    CONTACT, COMPANY
}
