package org.opencrm.contacts.card;

import java.util.UUID;

/**
 * A card a timeline entry or a comment belongs to: a contact or a company, with its owner (who decides
 * who may see it).
 */
public record CardRef(Kind kind, UUID id, UUID ownerId) {

    /** Which kind of card. */
    public enum Kind {
        CONTACT, COMPANY
    }
}
