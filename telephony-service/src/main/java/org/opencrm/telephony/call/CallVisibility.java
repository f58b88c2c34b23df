package org.opencrm.telephony.call;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencrm.platform.starter.directory.Directory;
import org.opencrm.platform.starter.security.CrmUser;
import org.springframework.security.access.AccessDeniedException;

/**
 * Which calls a user sees (docs/telephony-and-notifications.md): ADMIN every call; SUPERVISOR the calls of the
 * users of their department's tree; MANAGER and OPERATOR their own calls. Both also see the calls of clients
 * whose responsible user they see or that nobody owns, and calls that are nobody's (no user, no matched
 * contact). MARKETER and DEVELOPER see none (403).
 *
 * @param users the users whose calls and clients the user sees; empty = every call
 */
record CallVisibility(CrmUser user, Optional<List<UUID>> users) {

    static CallVisibility of(CrmUser user, Directory directory) {
        if (user.hasRole("ADMIN")) {
            return new CallVisibility(user, Optional.empty());
        }
        if (user.hasRole("SUPERVISOR")) {
            List<UUID> users = new ArrayList<>();
            users.add(user.userId());
            if (user.departmentId() != null) {
                directory.membersOf(user.departmentId()).stream().filter(id -> !id.equals(user.userId()))
                        .forEach(users::add);
            }
            return new CallVisibility(user, Optional.of(List.copyOf(users)));
        }
        if (user.hasRole("MANAGER") || user.hasRole("OPERATOR")) {
            return new CallVisibility(user, Optional.of(List.of(user.userId())));
        }
        throw new AccessDeniedException("Your role does not work with calls.");
    }

    /** The JPQL condition on the call {@code c} (parameter {@code :visibleUsers}), or null for every call. */
    String condition() {
        if (users.isEmpty()) {
            return null;
        }
        // KnownCaller is the callers' projection of contact owners (callers.KnownCaller)
        return """
                (c.userId in :visibleUsers
                 or (c.contactId is not null and not exists (select 1 from KnownCaller k where k.id = c.contactId
                     and k.ownerId is not null and k.ownerId not in :visibleUsers))
                 or (c.userId is null and c.contactId is null))""";
    }
}
