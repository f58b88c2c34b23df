package org.opencrm.identity.session;

import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.events.identity.UserDeactivated;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A deactivated user's refresh tokens die in the same transaction that deactivates them. */
@Component
class SessionRevocation {

    private final RefreshTokens refreshTokens;

    SessionRevocation(RefreshTokens refreshTokens) {
        this.refreshTokens = refreshTokens;
    }

    @EventListener
    void on(EventEnvelope event) {
        if (event.data() instanceof UserDeactivated deactivated) {
            refreshTokens.revokeAllOf(deactivated.userId());
        }
    }
}
