package org.opencrm.identity.session;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.jdbc.PrimaryKeyMapper;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.postgresql.Bucket4jPostgreSQL;
import io.github.bucket4j.postgresql.PostgreSQLSelectForUpdateBasedProxyManager;
import java.time.Duration;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Limits sign-in attempts per account and per client address with token buckets (Bucket4j) kept in
 * identity's database, so every instance counts against the same buckets. Each check is one short
 * transaction of its own, taken before the sign-in's, locking only that bucket's row.
 */
@Component
class LoginThrottle {

    private static final Logger log = LoggerFactory.getLogger(LoginThrottle.class);

    private final TokenSettings.Login settings;
    private final PostgreSQLSelectForUpdateBasedProxyManager<String> buckets;

    LoginThrottle(TokenSettings settings, DataSource dataSource) {
        this.settings = settings.login();
        this.buckets = Bucket4jPostgreSQL.selectForUpdateBasedBuilder(dataSource)
                .primaryKeyMapper(PrimaryKeyMapper.STRING)
                .table("login_bucket")
                .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ZERO))
                .build();
    }

    /** Counts an attempt; throws if the account or the address has used up its attempts. */
    void attempt(String email, String address) {
        Duration wait = take(buckets, "account:" + email, settings.perAccount());
        if (wait.isZero()) {
            wait = take(buckets, "address:" + address, settings.perAddress());
        }
        if (!wait.isZero()) {
            throw new TooManyAttemptsException(wait);
        }
    }

    private Duration take(ProxyManager<String> store, String key, int capacity) {
        var bucket = store.builder().build(key, () -> BucketConfiguration.builder()
                .addLimit(limit -> limit.capacity(capacity).refillGreedy(capacity, settings.window()))
                .build());
        var probe = bucket.tryConsumeAndReturnRemaining(1);
        return probe.isConsumed() ? Duration.ZERO : Duration.ofNanos(probe.getNanosToWaitForRefill());
    }

    /** Buckets that have filled up again hold nothing worth keeping. */
    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    void sweep() {
        int removed;
        do {
            removed = buckets.removeExpired(1000);
            if (removed > 0) {
                log.debug("Removed {} full sign-in buckets", removed);
            }
        } while (removed == 1000);
    }
}
