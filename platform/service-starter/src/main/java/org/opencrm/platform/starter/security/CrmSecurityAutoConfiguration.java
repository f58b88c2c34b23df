package org.opencrm.platform.starter.security;

import java.security.KeyFactory;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.hibernate.autoconfigure.HibernatePropertiesCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.config.annotation.method.configuration.EnableMethodSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.JwtGrantedAuthoritiesConverter;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;
import org.springframework.security.web.SecurityFilterChain;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every service is an OAuth2 resource server: RS256 access tokens issued by identity-service, checked
 * against its JWKS (or a fixed key), roles as {@code ROLE_*} authorities, the tenant taken from the token.
 */
@AutoConfiguration(beforeName = {
        "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
        "org.springframework.boot.security.oauth2.server.resource.autoconfigure.servlet.OAuth2ResourceServerAutoConfiguration"})
@EnableConfigurationProperties(CrmSecurityProperties.class)
@EnableMethodSecurity
public class CrmSecurityAutoConfiguration {

    /**
     * No observation (span and timer) per security filter, authentication and authorization: a request is already
     * observed whole by the HTTP server observation, and the dozen nested ones per request showed throughout the
     * profile of telephony-service's webhook (docs/benchmarks.md, the screen pop).
     */
    @Bean
    @ConditionalOnMissingBean
    static SecurityObservationSettings crmSecurityObservationSettings() {
        return SecurityObservationSettings.noObservations();
    }

    @Bean
    @ConditionalOnMissingBean
    JwtDecoder jwtDecoder(CrmSecurityProperties properties) {
        NimbusJwtDecoder decoder = properties.publicKey() != null && !properties.publicKey().isBlank()
                ? NimbusJwtDecoder.withPublicKey(parse(properties.publicKey())).signatureAlgorithm(SignatureAlgorithm.RS256).build()
                : NimbusJwtDecoder.withJwkSetUri(properties.jwksUri()).jwsAlgorithm(SignatureAlgorithm.RS256).build();
        OAuth2TokenValidator<Jwt> validator = validator(properties.audience());
        decoder.setJwtValidator(validator);
        return new VerifiedTokens(decoder, validator, 2_000);
    }

    /** The checks every CRM access token must pass besides its signature: time, audience, type, tenant, subject. */
    public static OAuth2TokenValidator<Jwt> validator(String audience) {
        List<OAuth2TokenValidator<Jwt>> validators = new ArrayList<>();
        validators.add(JwtValidators.createDefault());
        validators.add(new JwtClaimValidator<List<String>>(JwtClaimNames.AUD,
                aud -> aud != null && aud.contains(audience)));
        validators.add(new JwtClaimValidator<String>(CrmUser.TOKEN_TYPE_CLAIM,
                type -> CrmUser.ACCESS_TOKEN_TYPE.equals(type) || CrmUser.INTEGRATION_TOKEN_TYPE.equals(type)));
        validators.add(new JwtClaimValidator<String>(CrmUser.TENANT_CLAIM, tenant -> tenant != null && !tenant.isBlank()));
        validators.add(new JwtClaimValidator<String>(JwtClaimNames.SUB, sub -> sub != null && !sub.isBlank()));
        return new DelegatingOAuth2TokenValidator<>(validators);
    }

    @Bean
    @ConditionalOnMissingBean(SecurityFilterChain.class)
    SecurityFilterChain crmSecurityFilterChain(HttpSecurity http, CrmSecurityProperties properties, JsonMapper json)
            throws Exception {
        var roles = new JwtGrantedAuthoritiesConverter();
        roles.setAuthoritiesClaimName(CrmUser.ROLES_CLAIM);
        roles.setAuthorityPrefix("ROLE_");
        var scopes = new JwtGrantedAuthoritiesConverter();
        scopes.setAuthoritiesClaimName(CrmUser.SCOPE_CLAIM);
        scopes.setAuthorityPrefix("SCOPE_");
        var authentication = new JwtAuthenticationConverter();
        authentication.setJwtGrantedAuthoritiesConverter(jwt -> {
            List<GrantedAuthority> granted = new ArrayList<>(roles.convert(jwt));
            granted.addAll(scopes.convert(jwt));
            return granted;
        });

        List<String> publicPaths = new ArrayList<>(List.of("/actuator/health", "/actuator/health/**",
                "/actuator/info", "/actuator/prometheus", "/error", "/v3/api-docs", "/v3/api-docs/**"));
        publicPaths.addAll(properties.publicPaths());
        http.csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(HttpMethod.OPTIONS, "/**").permitAll()
                        .requestMatchers(publicPaths.toArray(String[]::new)).permitAll()
                        // integrations come with the token the gateway got for their API key, people with theirs
                        .requestMatchers("/api/integrations/**").access(tokenOfType(CrmUser.INTEGRATION_TOKEN_TYPE))
                        .anyRequest().access(tokenOfType(CrmUser.ACCESS_TOKEN_TYPE)))
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.jwtAuthenticationConverter(authentication))
                        .authenticationEntryPoint(ProblemResponses.unauthorized(json))
                        .accessDeniedHandler(ProblemResponses.forbidden(json)))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(ProblemResponses.unauthorized(json))
                        .accessDeniedHandler(ProblemResponses.forbidden(json)));
        return http.build();
    }

    private static AuthorizationManager<RequestAuthorizationContext> tokenOfType(String type) {
        return (authentication, context) -> new AuthorizationDecision(
                authentication.get() instanceof JwtAuthenticationToken token
                        && type.equals(token.getToken().getClaimAsString(CrmUser.TOKEN_TYPE_CLAIM)));
    }

    @Bean
    HibernatePropertiesCustomizer crmTenantResolver() {
        var resolver = new TenantIdentifierResolver();
        return properties -> properties.put("hibernate.tenant_identifier_resolver", resolver);
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
