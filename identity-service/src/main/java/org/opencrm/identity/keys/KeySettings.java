package org.opencrm.identity.keys;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Rotation of the token signing keys.
 *
 * @param rotationPeriod how long a key signs before a new one replaces it
 * @param announcement   how long a new key is published before it signs, so that every verifier's cached
 *                       JWKS knows it by then (verifiers also refetch on an unknown key id)
 * @param checkInterval  how often each instance looks whether a rotation is due
 */
@ConfigurationProperties("crm.identity.keys")
record KeySettings(
        @DefaultValue("30d") Duration rotationPeriod,
        @DefaultValue("10m") Duration announcement,
        @DefaultValue("1h") Duration checkInterval) {
}
