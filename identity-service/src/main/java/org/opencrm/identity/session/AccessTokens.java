package org.opencrm.identity.session;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.opencrm.identity.keys.SigningKeys;
import org.opencrm.platform.starter.security.CrmUser;
import org.springframework.stereotype.Component;

/**
 * Signs short-lived RS256 tokens: access tokens with the CRM's claims (user, tenant, roles, department)
 * and integration tokens that the gateway exchanges an API key for (key, tenant, scopes).
 */
@Component
public class AccessTokens {

    /** The {@code token_type} of a token standing for an integration's API key. */
    public static final String INTEGRATION_TOKEN_TYPE = "integration";

    private final SigningKeys keys;
    private final TokenSettings settings;

    AccessTokens(SigningKeys keys, TokenSettings settings) {
        this.keys = keys;
        this.settings = settings;
    }

    /** A token for an integration, valid for {@code ttl}, carrying the key's scopes. */
    public String issueForIntegration(UUID apiKeyId, UUID tenantId, List<String> scopes, Duration ttl) {
        Instant now = Instant.now();
        return sign(new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .subject(apiKeyId.toString())
                .audience(settings.audience())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(ttl)))
                .jwtID(UUID.randomUUID().toString())
                .claim(CrmUser.TENANT_CLAIM, tenantId.toString())
                .claim(CrmUser.ROLES_CLAIM, List.of())
                .claim("scope", String.join(" ", scopes))
                .claim(CrmUser.TOKEN_TYPE_CLAIM, INTEGRATION_TOKEN_TYPE)
                .build());
    }

    String issue(SessionUser user) {
        Instant now = Instant.now();
        return sign(new JWTClaimsSet.Builder()
                .issuer(settings.issuer())
                .subject(user.userId().toString())
                .audience(settings.audience())
                .issueTime(Date.from(now))
                .notBeforeTime(Date.from(now))
                .expirationTime(Date.from(now.plus(settings.accessTtl())))
                .jwtID(UUID.randomUUID().toString())
                .claim(CrmUser.TENANT_CLAIM, user.tenantId().toString())
                .claim(CrmUser.ROLES_CLAIM, List.of(user.role()))
                .claim(CrmUser.DEPARTMENT_CLAIM, user.departmentId() == null ? null : user.departmentId().toString())
                .claim(CrmUser.TOKEN_TYPE_CLAIM, CrmUser.ACCESS_TOKEN_TYPE)
                .build());
    }

    private String sign(JWTClaimsSet claims) {
        var key = keys.signingKey();
        var header = new JWSHeader.Builder(JWSAlgorithm.RS256).type(JOSEObjectType.JWT).keyID(key.getKeyID()).build();
        try {
            var jwt = new SignedJWT(header, claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException("Cannot sign an access token", e);
        }
    }
}
