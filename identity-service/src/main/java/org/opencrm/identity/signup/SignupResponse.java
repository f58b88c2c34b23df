package org.opencrm.identity.signup;

import java.util.UUID;
import org.opencrm.identity.session.TokenResponse;

/** The new company, its administrator, and a session for them so they can start at once. */
record SignupResponse(UUID tenantId, UUID userId, String accessToken, String refreshToken, long expiresIn,
        String tokenType) {

    static SignupResponse of(UUID tenantId, UUID userId, TokenResponse tokens) {
        return new SignupResponse(tenantId, userId, tokens.accessToken(), tokens.refreshToken(), tokens.expiresIn(),
                tokens.tokenType());
    }
}
