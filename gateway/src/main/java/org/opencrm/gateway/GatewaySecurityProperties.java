package org.opencrm.gateway;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How the gateway checks access tokens before a request reaches a service (each service checks again).
 *
 * @param jwksUri     identity-service's JWKS
 * @param publicKey   a fixed RSA public key (Base64 X.509) instead of the JWKS, for tests
 * @param audience    the audience every access token must carry
 * @param publicPaths API paths open without a token (sign-up, login, the JWKS)
 */
@ConfigurationProperties("crm.security.jwt")
public record GatewaySecurityProperties(
        @DefaultValue("http://127.0.0.1:8081/.well-known/jwks.json") String jwksUri,
        String publicKey,
        @DefaultValue("crm") String audience,
        @DefaultValue List<String> publicPaths) {
}
