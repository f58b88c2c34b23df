package org.opencrm.deals.access;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opencrm.platform.starter.directory.Directory;
import org.opencrm.platform.starter.directory.Visibility;
import org.opencrm.platform.starter.security.CrmUser;
import org.opencrm.platform.starter.security.CurrentUser;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.ProblemDetailsAdvice.FieldProblem;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * Who may do what with leads and deals: record visibility by owner as for clients (the platform's
 * {@link Visibility}: ADMIN all, SUPERVISOR their department tree, MANAGER and OPERATOR their own and
 * unassigned ones, MARKETER reads, DEVELOPER nothing), pipeline settings for ADMIN only, and which users
 * may own a record or be mentioned (active colleagues).
 */
@Service
public class Access {

    private final Directory directory;

    Access(Directory directory) {
        this.directory = directory;
    }

    /** The caller's view of the company's leads and deals; 403 for a role that does not work with them. */
    public Visibility visibility() {
        return Visibility.of(CurrentUser.require(), directory);
    }

    /** 403 unless the caller is an ADMIN (pipeline and stage settings). */
    public void requireAdmin() {
        visibility();
        if (!CurrentUser.require().hasRole("ADMIN")) {
            throw new AccessDeniedException("Only an administrator changes pipelines.");
        }
    }

    /**
     * 403 unless the caller is an ADMIN or a MARKETER: they keep campaigns, promotions, discounts and promo
     * codes (`003_*`); everyone else who works with clients reads them.
     */
    public Visibility requireMarketer() {
        Visibility visibility = visibility();
        CrmUser user = visibility.user();
        if (!user.hasRole("ADMIN") && !user.hasRole("MARKETER")) {
            throw new AccessDeniedException("Only an administrator or a marketer changes the marketing plan.");
        }
        return visibility;
    }

    /** 400 on the field unless the user is an active colleague (the caller counts as one). */
    public void requireColleague(UUID user, String field) {
        if (user != null && !user.equals(CurrentUser.require().userId()) && !directory.isActive(user)) {
            throw InvalidFieldsException.of(field, "is not an active user of the company");
        }
    }

    /**
     * 403 unless the caller may hand a record to this owner (or leave it unassigned: null); 400 on the field
     * unless the owner is an active colleague.
     */
    public void requireOwner(Visibility visibility, UUID owner, String field) {
        if (!visibility.mayAssignTo(owner)) {
            throw new AccessDeniedException("You may not hand records to that user.");
        }
        if (owner != null && !owner.equals(visibility.user().userId()) && !directory.isActive(owner)) {
            throw InvalidFieldsException.of(field, "is not an active user of the company");
        }
    }

    /** The distinct users, each an active colleague; 400 naming each one that is not ({@code field[i]}). */
    public List<UUID> colleagues(List<UUID> requested, String field) {
        if (requested == null || requested.isEmpty()) {
            return List.of();
        }
        List<FieldProblem> problems = new ArrayList<>();
        List<UUID> distinct = requested.stream().distinct().toList();
        for (int i = 0; i < distinct.size(); i++) {
            if (distinct.get(i) == null || !directory.isActive(distinct.get(i))) {
                problems.add(new FieldProblem(field + "[" + i + "]", "is not an active user of the company"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        return distinct;
    }
}
