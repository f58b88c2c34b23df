package org.opencrm.platform.starter.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;

/**
 * Checks an access token's signature once, not on every request: the RSA verification was an eighth of a
 * service's CPU per request (a browser sends the same token for up to 15 minutes). The claims (expiry,
 * audience, type, tenant) are still validated on every use of a remembered token, so a token stops working
 * at the same moment as without the memory. Only tokens that passed are remembered.
 */
public class VerifiedTokens implements JwtDecoder {

    private final JwtDecoder verifier;
    private final OAuth2TokenValidator<Jwt> validator;
    private final Cache<String, Jwt> verified;

    public VerifiedTokens(JwtDecoder verifier, OAuth2TokenValidator<Jwt> validator, int size) {
        this.verifier = verifier;
        this.validator = validator;
        this.verified = Caffeine.newBuilder().maximumSize(size).expireAfterWrite(Duration.ofMinutes(20)).build();
    }

    @Override
    public Jwt decode(String token) throws JwtException {
        Jwt known = verified.getIfPresent(token);
        if (known != null) {
            var result = validator.validate(known);
            if (!result.hasErrors()) {
                return known;
            }
            verified.invalidate(token);
            throw new JwtValidationException("The token is no longer valid", result.getErrors());
        }
        Jwt jwt = verifier.decode(token);
        verified.put(token, jwt);
        return jwt;
    }
}
