package org.opencrm.gateway;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Only requests with a valid access token reach the services' APIs; the web app, health and the identity
 * endpoints that hand out tokens stay open. The JWKS is fetched once and refetched on an unknown key id.
 */
@Configuration
@EnableWebFluxSecurity
class GatewaySecurity {

    /**
     * No observation per security web filter, authentication and authorization: each request is observed whole
     * (http.server.requests and its span), and the nested ones added a span and a timer per filter to every request.
     */
    @Bean
    static SecurityObservationSettings securityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    SecurityWebFilterChain gatewaySecurityChain(ServerHttpSecurity http, GatewaySecurityProperties properties,
            JsonMapper json) {
        List<String> open = new ArrayList<>(List.of("/actuator/health", "/actuator/health/**", "/actuator/info",
                "/actuator/prometheus", "/fallback/**",
                // integrations authenticate with an API key, checked by ApiKeyExchange
                "/api/integrations", "/api/integrations/**",
                // the API documentation: Swagger UI and the services' OpenAPI documents
                "/api/docs", "/api/docs/**", "/webjars/**"));
        open.addAll(properties.publicPaths());
        return http
                .csrf(ServerHttpSecurity.CsrfSpec::disable)
                .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
                .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
                .authorizeExchange(exchanges -> exchanges
                        .pathMatchers(HttpMethod.OPTIONS).permitAll()
                        .pathMatchers(open.toArray(String[]::new)).permitAll()
                        .pathMatchers("/api/**", "/ws/**").authenticated()
                        .anyExchange().permitAll())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> {
                        })
                        .authenticationEntryPoint((exchange, failure) -> problem(exchange, json, HttpStatus.UNAUTHORIZED,
                                "/problems/unauthorized", "A valid access token is required.")))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint((exchange, failure) -> problem(exchange, json, HttpStatus.UNAUTHORIZED,
                                "/problems/unauthorized", "A valid access token is required."))
                        .accessDeniedHandler((exchange, denied) -> problem(exchange, json, HttpStatus.FORBIDDEN,
                                "/problems/forbidden", "Your role does not allow this.")))
                .build();
    }

    @Bean
    ReactiveJwtDecoder jwtDecoder(GatewaySecurityProperties properties) {
        NimbusReactiveJwtDecoder decoder = properties.publicKey() != null && !properties.publicKey().isBlank()
                ? NimbusReactiveJwtDecoder.withPublicKey(parse(properties.publicKey()))
                        .signatureAlgorithm(SignatureAlgorithm.RS256).build()
                : NimbusReactiveJwtDecoder.withJwkSetUri(properties.jwksUri())
                        .jwsAlgorithm(SignatureAlgorithm.RS256).build();
        List<OAuth2TokenValidator<Jwt>> validators = List.of(JwtValidators.createDefault(),
                new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, aud -> aud != null && aud.contains(properties.audience())),
                new JwtClaimValidator<String>("token_type", "access"::equals),
                new JwtClaimValidator<String>("tenant_id", tenant -> tenant != null && !tenant.isBlank()));
        var validator = new DelegatingOAuth2TokenValidator<>(validators);
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator, 10_000);
    }

    static Mono<Void> problem(ServerWebExchange exchange, JsonMapper json, HttpStatus status, String type,
            String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(type));
        problem.setInstance(URI.create(exchange.getRequest().getPath().value()));
        var response = exchange.getResponse();
        response.setStatusCode(status);
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        if (status == HttpStatus.UNAUTHORIZED && !exchange.getRequest().getPath().value().startsWith("/api/integrations")) {
            response.getHeaders().set("WWW-Authenticate", "Bearer");
        }
        byte[] body = json.writeValueAsString(problem).getBytes(StandardCharsets.UTF_8);
        return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    }

    private static RSAPublicKey parse(String key) {
        String base64 = key.replaceAll("-----(BEGIN|END) PUBLIC KEY-----", "").replaceAll("\\s", "");
        try {
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(base64)));
        } catch (Exception e) {
            throw new IllegalArgumentException("crm.security.jwt.public-key is not a Base64 X.509 RSA public key", e);
        }
    }
}
