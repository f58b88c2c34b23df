package org.opencrm.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.AsyncBucketProxy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.distributed.proxy.RetryDecision;
import io.github.bucket4j.distributed.proxy.RetryStrategy;
import io.github.bucket4j.distributed.proxy.optimization.Optimizations;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/** Token buckets per caller: in Redis, shared by every gateway instance, or in this instance's memory. */
abstract class RateLimiter implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(RateLimiter.class);

    /** Whether the request may pass, and if not, after how long to retry. */
    record Decision(boolean allowed, long remaining, Duration retryAfter) {
    }

    /** Takes one request from the caller's bucket of {@code perMinute} requests. */
    abstract Mono<Decision> take(String caller, int perMinute);

    abstract String store();

    @Override
    public void close() {
    }

    static BucketConfiguration perMinute(int requests) {
        return BucketConfiguration.builder()
                .addLimit(Bandwidth.builder().capacity(requests).refillGreedy(requests, Duration.ofMinutes(1)).build())
                .build();
    }

    static Decision decision(ConsumptionProbe probe) {
        return new Decision(probe.isConsumed(), probe.getRemainingTokens(),
                Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    /** The store the properties ask for; {@code auto} tries Redis and falls back to memory. */
    static RateLimiter create(RateLimitProperties properties) {
        String store = properties.store();
        if ("memory".equals(store)) {
            return new InMemory();
        }
        try {
            return new InRedis(properties.redisUri(), properties.keyPrefix());
        } catch (RuntimeException unavailable) {
            if ("redis".equals(store)) {
                throw unavailable;
            }
            log.warn("Redis at {} is not reachable ({}); rate limits are kept in this instance's memory",
                    properties.redisUri(), unavailable.getMessage());
            return new InMemory();
        }
    }

    /** Buckets of this gateway instance only, in a bounded cache. */
    static final class InMemory extends RateLimiter {

        private final Cache<String, Bucket> buckets = Caffeine.newBuilder().maximumSize(200_000)
                .expireAfterAccess(Duration.ofMinutes(5)).build();

        @Override
        Mono<Decision> take(String caller, int perMinute) {
            Bucket bucket = buckets.get(caller + "/" + perMinute,
                    k -> Bucket.builder().addLimit(perMinute(perMinute).getBandwidths()[0]).build());
            return Mono.just(decision(bucket.tryConsumeAndReturnRemaining(1)));
        }

        @Override
        String store() {
            return "memory";
        }
    }

    /** Buckets in Redis (compare-and-swap), so every gateway instance counts against the same limit. */
    static final class InRedis extends RateLimiter {

        /** How long a request keeps trying to take its token from a contended bucket before it passes. */
        static final Duration RETRY_BUDGET = Duration.ofMillis(250);

        private final RedisClient client;
        private final StatefulRedisConnection<String, byte[]> connection;
        private final AsyncProxyManager<String> buckets;
        private final String keyPrefix;
        /**
         * One proxy per bucket, with Bucket4j's batching: the requests of one caller that arrive while its
         * bucket is being updated go to Redis together as one compare-and-swap, so a caller with many requests
         * in flight does not contend with itself (only gateway instances contend with each other).
         */
        private final Cache<String, AsyncBucketProxy> proxies = Caffeine.newBuilder().maximumSize(200_000)
                .expireAfterAccess(Duration.ofMinutes(5)).build();

        InRedis(String uri, String keyPrefix) {
            this.keyPrefix = keyPrefix;
            client = RedisClient.create(uri);
            client.setDefaultTimeout(Duration.ofSeconds(1));
            try {
                connection = client.connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
                connection.sync().ping();
            } catch (RuntimeException e) {
                client.shutdown(0, 1, TimeUnit.SECONDS);
                throw e;
            }
            buckets = Bucket4jLettuce.casBasedBuilder(connection)
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofMinutes(1)))
                    .retryStrategy(InRedis::backOff)
                    .build().asAsync();
        }

        /**
         * How a request whose compare-and-swap lost to another one's (another gateway instance's) tries again.
         * Bucket4j retries at once and without end by default; on one hot bucket (an exchange or a shop posting
         * many requests at a time with one API key) the losers collide again on every attempt: at 100 requests a
         * second the gateway spent most of a core re-reading that key from Redis while the requests waited.
         * Instead: a randomised, growing pause (0.5-1 ms, then up to 16-32 ms), and after {@link #RETRY_BUDGET}
         * the request stops trying and passes, as when Redis fails ({@link RateLimits}).
         */
        static RetryDecision backOff(RetryStrategy.RetryMetadata attempt) {
            if (attempt.getElapsedTimeNanos() > RETRY_BUDGET.toNanos()) {
                return RetryDecision.stop();
            }
            long ceilingMicros = Math.min(32_000L, 1_000L << Math.min(attempt.getAttemptNumber() - 1, 5));
            long pause = ceilingMicros / 2 + ThreadLocalRandom.current().nextLong(ceilingMicros / 2 + 1);
            return RetryDecision.retryAfter(Duration.ofNanos(pause * 1_000));
        }

        @Override
        Mono<Decision> take(String caller, int perMinute) {
            AsyncBucketProxy bucket = proxies.get(keyPrefix + caller + "/" + perMinute, key -> buckets.builder()
                    .withOptimization(Optimizations.batching())
                    .build(key, () -> CompletableFuture.completedFuture(perMinute(perMinute))));
            return Mono.fromFuture(bucket.tryConsumeAndReturnRemaining(1)).map(RateLimiter::decision);
        }

        @Override
        String store() {
            return "redis";
        }

        @Override
        public void close() {
            connection.close();
            client.shutdown(0, 2, TimeUnit.SECONDS);
        }
    }
}
