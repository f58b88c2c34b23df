package org.opencrm.identity.user;

import java.util.List;

/** One page of users and the cursor of the next page (null on the last one). */
public record UserPage(List<UserView> items, String nextCursor) {
}
