package org.opencrm.contacts.importing;

/**
 * What to do with a row whose phone or e-mail (or, for a company, tax number) a card of the company already
 * has, or an earlier row of the same file has: leave it out, bring its values into that card, or create
 * another card anyway. A company's tax number stays one company's even then: such a row is refused.
 */
public enum Duplicates {
    SKIP, UPDATE, CREATE
}
