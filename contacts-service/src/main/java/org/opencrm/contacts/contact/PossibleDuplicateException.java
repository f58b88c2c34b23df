package org.opencrm.contacts.contact;

import java.util.List;
import java.util.UUID;

/** A new contact shares a phone or an e-mail with contacts already there; the client may confirm it. */
class PossibleDuplicateException extends RuntimeException {

    /**
     * A contact the new one may duplicate; a contact the user may not see is named only as a colleague's.
     */
    record Duplicate(UUID id, String displayName, String matchedOn, String value) {
    }

    private final List<Duplicate> duplicates;

    PossibleDuplicateException(List<Duplicate> duplicates) {
        super("A contact with the same phone or e-mail exists already.");
        this.duplicates = duplicates;
    }

    List<Duplicate> duplicates() {
        return duplicates;
    }
}
