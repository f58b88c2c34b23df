package org.opencrm.gateway;

import io.micrometer.tracing.handler.TracingObservationHandler;
import java.net.InetSocketAddress;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.server.reactive.observation.ServerRequestObservationContext;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * One line per request: method, path, status, duration, client address and the trace id that the
 * services' log lines carry too, so a request can be followed from the gateway into every service.
 */
@Component
class AccessLog implements WebFilter, Ordered {

    private static final Logger log = LoggerFactory.getLogger("crm.gateway.access");


    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 100;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        long start = System.nanoTime();
        return chain.filter(exchange).doFinally(signal -> {
            String traceId = traceId(exchange);
            var request = exchange.getRequest();
            var status = exchange.getResponse().getStatusCode();
            InetSocketAddress remote = request.getRemoteAddress();
            log.info("{} {} {} {}ms client={} trace={}", request.getMethod(), request.getPath().value(),
                    status == null ? "-" : status.value(), (System.nanoTime() - start) / 1_000_000,
                    remote == null || remote.getAddress() == null ? "-" : remote.getAddress().getHostAddress(), traceId);
        });
    }

    /** The trace of the request, from the server observation the web handler keeps with the exchange. */
    private static String traceId(ServerWebExchange exchange) {
        return ServerRequestObservationContext.findCurrent(exchange.getAttributes())
                .map(context -> (TracingObservationHandler.TracingContext) context
                        .get(TracingObservationHandler.TracingContext.class))
                .map(tracing -> tracing.getSpan())
                .map(span -> span.context().traceId())
                .orElse("-");
    }
}
