package org.opencrm.gateway;

import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * History-API fallback for the web app: a page address such as {@code /api-keys} or
 * {@code /accept-invitation?token=...} opened directly is answered with {@code index.html}, and the app's
 * router shows the right screen. API, WebSocket, actuator and file requests are left alone.
 */
@Component
class WebAppFallback implements WebFilter, Ordered {

    private static final String[] NOT_PAGES = {"/api", "/ws", "/actuator", "/webjars", "/fallback", "/.well-known",
            "/assets", "/index.html"};

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 200;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        var request = exchange.getRequest();
        String path = request.getPath().value();
        if (!HttpMethod.GET.equals(request.getMethod()) || path.equals("/") || isNotAPage(path)) {
            return chain.filter(exchange);
        }
        return chain.filter(exchange.mutate().request(request.mutate().path("/index.html").build()).build());
    }

    private static boolean isNotAPage(String path) {
        for (String prefix : NOT_PAGES) {
            if (path.equals(prefix) || path.startsWith(prefix + "/")) {
                return true;
            }
        }
        // a file (favicon.ico, robots.txt, ...) is looked up as such
        return path.substring(path.lastIndexOf('/') + 1).contains(".");
    }
}
