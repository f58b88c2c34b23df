package org.opencrm.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Limits how often each caller may call the API: a signed-in user by their id, an integration by its API
 * key, anyone else by their address. Over the limit: 429 with {@code Retry-After}. If the shared store
 * fails, requests pass (and are counted in {@code crm.gateway.rate.limit.errors}) rather than the API
 * going down with Redis.
 */
class RateLimits implements GlobalFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger(RateLimits.class);

    private final RateLimiter limiter;
    private final RateLimitProperties limits;
    private final JsonMapper json;
    private final MeterRegistry meters;

    RateLimits(RateLimiter limiter, RateLimitProperties limits, JsonMapper json, MeterRegistry meters) {
        this.limiter = limiter;
        this.limits = limits;
        this.json = json;
        this.meters = meters;
        log.info("Rate limits kept in {}", limiter.store());
    }

    @Override
    public int getOrder() {
        // before the API key is exchanged, so a flood of bad keys does not reach identity-service
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        String path = exchange.getRequest().getPath().value();
        if (!(path.startsWith("/api/") || path.startsWith("/ws/")) || path.startsWith("/api/docs")) {
            return chain.filter(exchange);
        }
        return exchange.getPrincipal()
                .filter(JwtAuthenticationToken.class::isInstance)
                .map(principal -> new Caller("user:" + principal.getName(), limits.perUser()))
                .defaultIfEmpty(anonymousOrIntegration(exchange))
                .flatMap(caller -> limiter.take(caller.key(), caller.perMinute())
                        .onErrorResume(failure -> {
                            meters.counter("crm.gateway.rate.limit.errors").increment();
                            log.warn("Rate limit store failed; letting the request through: {}", failure.toString());
                            return Mono.just(new RateLimiter.Decision(true, -1, java.time.Duration.ZERO));
                        })
                        .flatMap(decision -> {
                            if (decision.allowed()) {
                                if (decision.remaining() >= 0) {
                                    exchange.getResponse().getHeaders().set("X-RateLimit-Remaining",
                                            String.valueOf(decision.remaining()));
                                }
                                return chain.filter(exchange);
                            }
                            long seconds = Math.max(1, (long) Math.ceil(decision.retryAfter().toMillis() / 1000.0));
                            meters.counter("crm.gateway.rate.limited", "caller", caller.key().substring(0,
                                    caller.key().indexOf(':'))).increment();
                            exchange.getResponse().getHeaders().set("Retry-After", String.valueOf(seconds));
                            return GatewaySecurity.problem(exchange, json, HttpStatus.TOO_MANY_REQUESTS,
                                    "/problems/rate-limited",
                                    "Too many requests; try again in " + seconds + " seconds.");
                        }));
    }

    private record Caller(String key, int perMinute) {
    }

    private Caller anonymousOrIntegration(ServerWebExchange exchange) {
        // a key counts only where keys are accepted; elsewhere a made-up one would buy a fresh bucket
        String apiKey = exchange.getRequest().getHeaders().getFirst(ApiKeyExchange.HEADER);
        if (apiKey != null && !apiKey.isBlank() && ApiKeyExchange.isIntegrationPath(exchange.getRequest().getPath().value())) {
            return new Caller("key:" + ApiKeyExchange.fingerprint(apiKey), limits.perApiKey());
        }
        InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
        String address = remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
        return new Caller("addr:" + address, limits.perAnonymousClient());
    }
}
