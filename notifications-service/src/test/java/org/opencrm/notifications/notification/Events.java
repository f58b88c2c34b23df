package org.opencrm.notifications.notification;

import java.util.UUID;
import org.opencrm.platform.events.deals.LeadCreated;

/** Sample events other packages' tests publish. */
public final class Events {

    private Events() {
    }

    /** A lead #12 from "Антонов Артем" for the owner. */
    public static LeadCreated lead(UUID owner) {
        return NotificationApiTest.lead(owner);
    }
}
