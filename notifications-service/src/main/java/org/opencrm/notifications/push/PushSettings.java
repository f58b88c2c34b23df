package org.opencrm.notifications.push;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the push channel {@code /ws/notifications}.
 *
 * @param instanceId     names this instance's own consumer groups; random when empty (every start is a new
 *                       instance, which only ever reads what arrives from then on)
 * @param allowedOrigins browser origins allowed to connect; the token, not a cookie, authenticates, so any origin
 *                       is safe by default
 * @param sendTimeLimit  a connection whose frames wait longer than this to be written is closed
 * @param bufferLimit    a connection with more unsent frames than this (bytes) is closed
 * @param expiryCheck    how often connections whose access token expired are closed (the app reconnects with a
 *                       fresh one)
 */
@ConfigurationProperties("crm.notifications.push")
record PushSettings(String instanceId, @DefaultValue("*") List<String> allowedOrigins,
        @DefaultValue("5s") Duration sendTimeLimit, @DefaultValue("524288") int bufferLimit,
        @DefaultValue("30s") Duration expiryCheck) {
}
