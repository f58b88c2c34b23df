package org.opencrm.identity.keys;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import org.opencrm.platform.starter.security.CrmSecurityAutoConfiguration;
import org.opencrm.platform.starter.security.CrmSecurityProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/** identity-service verifies its own tokens against its key table rather than its own JWKS over HTTP. */
@Configuration(proxyBeanMethods = false)
class LocalJwtDecoderConfiguration {

    @Bean
    JwtDecoder jwtDecoder(SigningKeys keys, CrmSecurityProperties properties) {
        JWKSource<SecurityContext> source = (selector, context) -> {
            var matches = selector.select(keys.publicKeys());
            return matches.isEmpty() ? selector.select(keys.refreshPublicKeys()) : matches;
        };
        var processor = new DefaultJWTProcessor<SecurityContext>();
        processor.setJWSKeySelector(new JWSVerificationKeySelector<>(JWSAlgorithm.RS256, source));
        // Spring's validators below check times, audience, type and tenant
        processor.setJWTClaimsSetVerifier((claims, context) -> {
        });
        var decoder = new NimbusJwtDecoder(processor);
        decoder.setJwtValidator(CrmSecurityAutoConfiguration.validator(properties.audience()));
        return decoder;
    }
}
