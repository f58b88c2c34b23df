package org.opencrm.gateway;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Requests per minute the gateway lets through.
 *
 * @param store             {@code auto} (Redis if it answers at start-up, else memory), {@code redis} or {@code memory}
 * @param redisUri          where the shared buckets live
 * @param perUser           for each signed-in user
 * @param perApiKey         for each integration's API key
 * @param perAnonymousClient for each client address without a token (sign-in, sign-up, documentation)
 * @param keyPrefix         prefix of the bucket keys in Redis, so several suites can share one Redis
 */
@ConfigurationProperties("crm.gateway.rate-limit")
public record RateLimitProperties(
        @DefaultValue("auto") String store,
        @DefaultValue("redis://127.0.0.1:6379") String redisUri,
        @DefaultValue("600") int perUser,
        @DefaultValue("1200") int perApiKey,
        @DefaultValue("120") int perAnonymousClient,
        @DefaultValue("crm:rate:") String keyPrefix) {
}
