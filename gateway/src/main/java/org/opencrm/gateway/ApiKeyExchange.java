package org.opencrm.gateway;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Integrations (shops, telephone exchanges) call {@code /api/integrations/**} with {@code X-Api-Key}
 * instead of a user's token. The gateway exchanges the key at identity-service for a short-lived signed
 * integration token (tenant and scopes inside), checks the scope the path needs, and forwards the token as
 * the bearer credential, so services verify a signature rather than trusting headers. Answers are cached
 * for 30 seconds (by the key's hash), so a revoked key stops working within a minute.
 */
@Component
class ApiKeyExchange implements GlobalFilter, Ordered {

    static final String HEADER = "X-Api-Key";
    private static final String PREFIX = "/api/integrations/";

    /** What identity answers for a valid key. */
    record IntegrationToken(String accessToken, long expiresIn, String apiKeyId, String tenantId, List<String> scopes) {
    }

    private final WebClient identity;
    private final JsonMapper json;
    private final Cache<String, Optional<IntegrationToken>> cache = Caffeine.newBuilder()
            .expireAfterWrite(Duration.ofSeconds(30)).maximumSize(10_000).build();

    ApiKeyExchange(WebClient.Builder web, @Value("${IDENTITY_URL:http://127.0.0.1:8081}") String identityUrl,
            JsonMapper json) {
        this.identity = web.baseUrl(identityUrl).build();
        this.json = json;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        var request = exchange.getRequest();
        String path = request.getPath().value();
        if (!isIntegrationPath(path)) {
            return chain.filter(exchange);
        }
        String key = request.getHeaders().getFirst(HEADER);
        if (key == null || key.isBlank()) {
            return unauthorized(exchange, "An X-Api-Key header with an API key is required.");
        }
        // only the key check may answer 503: a failure further down the chain is the service's to report
        Mono<Optional<Optional<IntegrationToken>>> verified = token(key).map(Optional::of)
                .onErrorResume(failure -> Mono.just(Optional.empty()));
        return verified.flatMap(answer -> {
            if (answer.isEmpty()) {
                return GatewaySecurity.problem(exchange, json, HttpStatus.SERVICE_UNAVAILABLE,
                        "/problems/service-unavailable", "API keys cannot be checked right now; please try again shortly.");
            }
            if (answer.get().isEmpty()) {
                return unauthorized(exchange, "The API key is unknown or revoked.");
            }
            IntegrationToken token = answer.get().get();
            List<String> accepted = scopesFor(path, request.getMethod());
            if (!accepted.isEmpty() && token.scopes().stream().noneMatch(accepted::contains)) {
                return GatewaySecurity.problem(exchange, json, HttpStatus.FORBIDDEN, "/problems/forbidden",
                        "The API key lacks the scope " + accepted.getFirst() + ".");
            }
            var forwarded = request.mutate().headers(headers -> {
                headers.remove(HEADER);
                headers.setBearerAuth(token.accessToken());
            }).build();
            return chain.filter(exchange.mutate().request(forwarded).build());
        });
    }

    static boolean isIntegrationPath(String path) {
        return path.startsWith(PREFIX) || path.equals(PREFIX.substring(0, PREFIX.length() - 1));
    }

    /** A key's SHA-256 in hex: how the gateway remembers a key without holding it. */
    static String fingerprint(String key) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The scopes of which a key needs one for the path and method; empty if any valid key may call it. */
    static List<String> scopesFor(String path, HttpMethod method) {
        boolean reading = HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
        if (path.startsWith(PREFIX + "shop/")) {
            return reading ? List.of("shop:write", "read") : List.of("shop:write");
        }
        if (path.startsWith(PREFIX + "telephony/")) {
            return reading ? List.of("telephony:write", "read") : List.of("telephony:write");
        }
        return List.of();
    }

    private Mono<Optional<IntegrationToken>> token(String key) {
        String cacheKey = fingerprint(key);
        Optional<IntegrationToken> cached = cache.getIfPresent(cacheKey);
        if (cached != null) {
            return Mono.just(cached);
        }
        return identity.post().uri("/internal/integration-token").header(HEADER, key).retrieve()
                .bodyToMono(IntegrationToken.class)
                .map(Optional::of)
                .onErrorResume(WebClientResponseException.Unauthorized.class, unknown -> Mono.just(Optional.empty()))
                .timeout(Duration.ofSeconds(3))
                .doOnNext(answer -> cache.put(cacheKey, answer));
    }

    private Mono<Void> unauthorized(ServerWebExchange exchange, String detail) {
        return GatewaySecurity.problem(exchange, json, HttpStatus.UNAUTHORIZED, "/problems/unauthorized", detail);
    }
}
