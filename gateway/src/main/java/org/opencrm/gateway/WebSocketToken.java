package org.opencrm.gateway;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.UriComponentsBuilder;
import reactor.core.publisher.Mono;

/**
 * A browser cannot set headers on a WebSocket handshake, so the web app sends its access token as the
 * {@code access_token} query parameter of {@code /ws/**}. Before anything else sees the request, the
 * token moves into the {@code Authorization} header: security checks it as for any API call, the service
 * behind receives it the same way, and it appears in no access log or downstream URL.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class WebSocketToken implements WebFilter {

    static final String PARAMETER = "access_token";

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        String token = request.getQueryParams().getFirst(PARAMETER);
        if (!request.getPath().value().startsWith("/ws/") || token == null || token.isBlank()) {
            return chain.filter(exchange);
        }
        URI withoutToken = UriComponentsBuilder.fromUri(request.getURI()).replaceQueryParam(PARAMETER).build(true).toUri();
        var moved = request.mutate().uri(withoutToken)
                .headers(headers -> headers.set(HttpHeaders.AUTHORIZATION, "Bearer " + token)).build();
        return chain.filter(exchange.mutate().request(moved).build());
    }
}
