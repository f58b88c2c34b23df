package org.opencrm.platform.starter.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How a service checks access tokens.
 *
 * @param jwksUri     identity-service's JWKS, used unless a fixed public key is given
 * @param publicKey   a fixed RSA public key (Base64 X.509, PEM armour allowed), for tests and air-gapped setups
 * @param audience    the audience every access token must carry
 * @param publicPaths paths served without a token, in addition to health and metrics
 */
@ConfigurationProperties("crm.security.jwt")
public record CrmSecurityProperties(
        @DefaultValue("http://127.0.0.1:8081/.well-known/jwks.json") String jwksUri,
        String publicKey,
        @DefaultValue("crm") String audience,
        @DefaultValue List<String> publicPaths) {
}
