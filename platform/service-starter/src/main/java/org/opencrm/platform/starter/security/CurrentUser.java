package org.opencrm.platform.starter.security;

import java.util.Optional;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** Access to the user of the current request. */
public final class CurrentUser {

    private CurrentUser() {
    }

    /** The authenticated CRM user, if the current request has one. */
    public static Optional<CrmUser> find() {
        return find(SecurityContextHolder.getContext().getAuthentication());
    }

    /** The authenticated CRM user; an error if there is none (a programming error behind the security filter). */
    public static CrmUser require() {
        return find().orElseThrow(() -> new IllegalStateException("No authenticated CRM user"));
    }

    static Optional<CrmUser> find(Authentication authentication) {
        if (authentication instanceof JwtAuthenticationToken token) {
            return Optional.of(CrmUser.from(token.getToken()));
        }
        return Optional.empty();
    }
}
