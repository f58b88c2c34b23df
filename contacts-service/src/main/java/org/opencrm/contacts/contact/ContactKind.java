package org.opencrm.contacts.contact;

/** A client is a private person or a legal entity (a sole proprietor, a company represented by a person). */
public enum ContactKind {
    PERSON, LEGAL_ENTITY
}
