package org.opencrm.contacts.contact;

import java.util.List;

/** One page of the contact list and the cursor of the next (null on the last page). */
public record ContactPage(List<ContactSummary> items, String nextCursor) {
}
