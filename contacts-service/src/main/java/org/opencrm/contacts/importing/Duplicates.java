package org.opencrm.contacts.importing;

/**
 * What to do with a row whose phone or e-mail a contact of the company already has, or an earlier row of
 * the same file has: leave it out, bring its values into that contact, or create another contact anyway.
 */
public enum Duplicates {
    SKIP, UPDATE, CREATE
}
