package org.opencrm.identity.session;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Lifetimes and names of the tokens identity-service issues.
 *
 * @param accessTtl  how long an access token is valid (short: it cannot be revoked)
 * @param refreshTtl how long a refresh token may be used (each use replaces it)
 * @param issuer     the {@code iss} claim
 * @param audience   the {@code aud} claim every service checks
 * @param login      throttling of sign-in attempts
 */
@ConfigurationProperties("crm.identity.tokens")
public record TokenSettings(
        @DefaultValue("15m") Duration accessTtl,
        @DefaultValue("30d") Duration refreshTtl,
        @DefaultValue("crm-identity") String issuer,
        @DefaultValue("crm") String audience,
        @DefaultValue Login login) {

    /**
     * @param perAccount attempts allowed per e-mail within {@code window}
     * @param perAddress attempts allowed per client address within {@code window}
     * @param window     the period over which attempts are counted
     */
    public record Login(
            @DefaultValue("5") int perAccount,
            @DefaultValue("30") int perAddress,
            @DefaultValue("5m") Duration window) {
    }
}
