package org.opencrm.notifications.directory;

import java.util.UUID;

/**
 * A user of the company as notifications-service knows them from identity's events.
 *
 * @param language the language of the invitation that brought them in (en, ru, uk), null when unknown
 */
public record Person(UUID userId, String email, String firstName, String lastName, String workPhone, String language,
        boolean active) {

    /** "First Last", or the e-mail when identity sent no name. */
    public String name() {
        String name = ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).strip();
        return name.isEmpty() ? (email == null ? "" : email) : name;
    }
}
