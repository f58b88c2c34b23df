package org.opencrm.platform.starter.directory;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencrm.platform.starter.security.CrmUser;
import org.springframework.security.access.AccessDeniedException;

/**
 * Which records of the company (clients, leads, deals) a user sees and may change, by the owner of each
 * record (`001_*`, docs/security.md): ADMIN and MARKETER see all, SUPERVISOR their department's (and its
 * sub-departments') and unassigned ones, MANAGER and OPERATOR their own and unassigned ones; DEVELOPER
 * sees none. MARKETER reads only.
 *
 * @param user          who asks
 * @param visibleOwners owners whose records the user sees, besides unassigned ones; empty = every owner
 */
public record Visibility(CrmUser user, Optional<List<UUID>> visibleOwners) {

    /** What the user may see and do, or 403 if they may not work with these records at all. */
    public static Visibility of(CrmUser user, Directory directory) {
        if (user.hasRole("ADMIN") || user.hasRole("MARKETER")) {
            return new Visibility(user, Optional.empty());
        }
        if (user.hasRole("SUPERVISOR")) {
            List<UUID> owners = new ArrayList<>();
            owners.add(user.userId());
            if (user.departmentId() != null) {
                directory.membersOf(user.departmentId()).stream().filter(id -> !id.equals(user.userId()))
                        .forEach(owners::add);
            }
            return new Visibility(user, Optional.of(List.copyOf(owners)));
        }
        if (user.hasRole("MANAGER") || user.hasRole("OPERATOR")) {
            return new Visibility(user, Optional.of(List.of(user.userId())));
        }
        throw new AccessDeniedException("Your role does not work with these records.");
    }

    public boolean sees(UUID ownerId) {
        return ownerId == null || visibleOwners.map(owners -> owners.contains(ownerId)).orElse(true);
    }

    /** Changes are for everyone who sees the record, except MARKETER, who reads. */
    public boolean mayChange(UUID ownerId) {
        return !readOnly() && sees(ownerId);
    }

    public boolean readOnly() {
        return user.hasRole("MARKETER") && !user.hasRole("ADMIN") && !user.hasRole("SUPERVISOR")
                && !user.hasRole("MANAGER") && !user.hasRole("OPERATOR");
    }

    /** ADMIN and SUPERVISOR hand records to anyone they see; others keep them or leave them unassigned. */
    public boolean mayAssignTo(UUID ownerId) {
        if (ownerId == null || ownerId.equals(user.userId())) {
            return !readOnly();
        }
        return user.hasRole("ADMIN") || (user.hasRole("SUPERVISOR") && sees(ownerId));
    }

    public void requireWrite() {
        if (readOnly()) {
            throw new AccessDeniedException("Your role reads records but does not change them.");
        }
    }
}
