package org.opencrm.gateway;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.cloud.gateway.filter.GatewayFilterChain;
import org.springframework.cloud.gateway.filter.GlobalFilter;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Refuses a request body larger than its path allows (by its Content-Length) with 413 before it reaches a
 * service: 10 MB in general, and the service's own limit where files are uploaded (an import of a few hundred
 * thousand rows, a contract's document), which the same environment variables set on both sides. A single
 * gateway-wide limit refused every import over 10 MB that contacts-service would have taken.
 */
@Component
@EnableConfigurationProperties(RequestSizeLimits.Limits.class)
class RequestSizeLimits implements GlobalFilter, Ordered {

    /**
     * @param standard the largest body of any request
     * @param uploads  larger limits for paths that take files (Spring path patterns)
     */
    @ConfigurationProperties("crm.gateway.request-size")
    record Limits(@DefaultValue("10MB") DataSize standard, @DefaultValue List<Upload> uploads) {
    }

    record Upload(String path, DataSize maxSize) {
    }

    private record Rule(PathPattern pattern, long maxBytes) {
    }

    private final List<Rule> uploads;
    private final long standard;
    private final JsonMapper json;

    RequestSizeLimits(Limits limits, JsonMapper json) {
        this.json = json;
        this.standard = limits.standard().toBytes();
        this.uploads = limits.uploads().stream()
                .map(upload -> new Rule(PathPatternParser.defaultInstance.parse(upload.path()), upload.maxSize().toBytes()))
                .toList();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, GatewayFilterChain chain) {
        long length = exchange.getRequest().getHeaders().getContentLength();
        if (length <= standard) {
            return chain.filter(exchange);
        }
        PathContainer path = exchange.getRequest().getPath().pathWithinApplication();
        long allowed = uploads.stream().filter(rule -> rule.pattern().matches(path)).mapToLong(Rule::maxBytes)
                .findFirst().orElse(standard);
        if (length <= allowed) {
            return chain.filter(exchange);
        }
        return GatewaySecurity.problem(exchange, json, HttpStatus.CONTENT_TOO_LARGE, "/problems/payload-too-large",
                "The request body is larger than " + DataSize.ofBytes(allowed).toMegabytes() + " MB.");
    }
}
