package org.opencrm.notifications.preference;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** The channels chosen for one kind. */
@Embeddable
record Channels(@Column(name = "in_app", nullable = false) boolean inApp,
        @Column(nullable = false) boolean email,
        @Column(nullable = false) boolean sms) {

    /** In-app for everything; e-mail and SMS only when the user asks for them. */
    static Channels defaultFor(String kind) {
        return new Channels(true, false, false);
    }
}
