package org.opencrm.identity.session;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Limits sign-in attempts per account and per client address with token buckets (Bucket4j), held in a
 * bounded, expiring cache so a flood of addresses cannot exhaust memory. Per instance: behind N
 * instances an attacker gets N times the attempts, still a small number.
 */
@Component
class LoginThrottle {

    private final TokenSettings.Login settings;
    private final Cache<String, Bucket> buckets;

    LoginThrottle(TokenSettings settings) {
        this.settings = settings.login();
        this.buckets = Caffeine.newBuilder().maximumSize(100_000)
                .expireAfterAccess(this.settings.window().multipliedBy(2)).build();
    }

    /** Counts an attempt; throws if the account or the address has used up its attempts. */
    void attempt(String email, String address) {
        Duration wait = take("account:" + email, settings.perAccount());
        if (wait.isZero()) {
            wait = take("address:" + address, settings.perAddress());
        }
        if (!wait.isZero()) {
            throw new TooManyAttemptsException(wait);
        }
    }

    private Duration take(String key, int capacity) {
        Bucket bucket = buckets.get(key, k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(capacity).refillGreedy(capacity, settings.window()).build())
                .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }
}
