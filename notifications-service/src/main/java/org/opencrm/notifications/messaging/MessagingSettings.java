package org.opencrm.notifications.messaging;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of e-mail and SMS (the SMTP server itself is {@code spring.mail.*}).
 *
 * @param publicUrl the CRM's address as users reach it; links in messages are relative to it
 * @param mail      e-mail settings
 * @param sms       the SMS provider; SMS are off while it has no URL
 * @param delivery  how often the sender looks for due messages and how it retries
 */
@ConfigurationProperties("crm.notifications")
record MessagingSettings(@DefaultValue("http://localhost:8080") String publicUrl, @DefaultValue Mail mail,
        @DefaultValue Sms sms, @DefaultValue Delivery delivery) {

    /** The public URL without a trailing slash, to put a path after. */
    String link(String path) {
        String base = publicUrl.endsWith("/") ? publicUrl.substring(0, publicUrl.length() - 1) : publicUrl;
        return base + (path.startsWith("/") ? path : "/" + path);
    }

    /** @param from the sender of every e-mail, e.g. {@code CRM <no-reply@crm.example>} */
    record Mail(@DefaultValue("CRM <no-reply@opencrm.local>") String from) {
    }

    /**
     * The generic JSON provider API: {@code POST {url}/messages} with {@code Authorization: Bearer <token>}.
     *
     * @param url     the provider's base URL; empty: SMS are not sent at all
     * @param token   the bearer token the provider gave the company
     * @param sender  the sender name or number the provider shows, if it lets one choose
     * @param timeout how long one request may take
     */
    record Sms(String url, String token, String sender, @DefaultValue("10s") Duration timeout) {

        boolean enabled() {
            return url != null && !url.isBlank();
        }
    }

    /**
     * @param maxAttempts after this many failed attempts a message is given up (failed)
     * @param firstRetry  the wait after the first failure; it doubles after each further one
     * @param maxRetry    the longest wait between attempts
     * @param interval    how often the sender looks for due messages
     * @param batch       how many messages one look takes at most
     * @param lease       how long a claimed message is left to its sender before another may take it
     */
    record Delivery(@DefaultValue("5") int maxAttempts, @DefaultValue("30s") Duration firstRetry,
            @DefaultValue("30m") Duration maxRetry, @DefaultValue("2s") Duration interval,
            @DefaultValue("20") int batch, @DefaultValue("5m") Duration lease) {

        Duration retryAfter(int attempts) {
            Duration wait = firstRetry.multipliedBy(1L << Math.min(Math.max(attempts - 1, 0), 20));
            return wait.compareTo(maxRetry) > 0 ? maxRetry : wait;
        }
    }
}
