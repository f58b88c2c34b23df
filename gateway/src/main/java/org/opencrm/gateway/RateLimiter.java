package org.opencrm.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.AsyncProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
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

        private final RedisClient client;
        private final StatefulRedisConnection<String, byte[]> connection;
        private final AsyncProxyManager<String> buckets;
        private final String keyPrefix;

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
                    .build().asAsync();
        }

        @Override
        Mono<Decision> take(String caller, int perMinute) {
            var configuration = CompletableFuture.completedFuture(perMinute(perMinute));
            return Mono.fromFuture(buckets.builder().build(keyPrefix + caller + "/" + perMinute, () -> configuration)
                    .tryConsumeAndReturnRemaining(1)).map(RateLimiter::decision);
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
