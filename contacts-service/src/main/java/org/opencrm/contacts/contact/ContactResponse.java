package org.opencrm.contacts.contact;

import java.time.Instant;
import java.util.UUID;

/** A contact as the API shows it. */
record ContactResponse(UUID id, String firstName, String lastName, String email, String phone, UUID ownerId,
        Instant createdAt, Instant updatedAt, long version) {

    static ContactResponse of(Contact contact) {
        return new ContactResponse(contact.id(), contact.firstName(), contact.lastName(), contact.email(),
                contact.phone(), contact.ownerId(), contact.createdAt(), contact.updatedAt(), contact.version());
    }
}
