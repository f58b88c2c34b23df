package org.opencrm.platform.test;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/**
 * Signed RS256 access tokens for any tenant, user and roles, shaped like identity-service's. The services
 * under test trust this JVM's key through {@code crm.security.jwt.public-key}.
 */
public final class TestTokens {

    private static final KeyPair KEYS = generate();

    private TestTokens() {
    }

    /** A valid access token for the user in the tenant with the given roles. */
    public static String accessToken(UUID tenantId, UUID userId, String... roles) {
        return sign(claims(tenantId, userId, roles).build());
    }

    /** A valid access token of a member of a department (a SUPERVISOR sees their department's records). */
    public static String accessTokenInDepartment(UUID tenantId, UUID userId, UUID departmentId, String... roles) {
        return sign(claims(tenantId, userId, roles).claim("department_id", departmentId.toString()).build());
    }

    /** A token that expired a minute ago. */
    public static String expiredAccessToken(UUID tenantId, UUID userId, String... roles) {
        Instant past = Instant.now().minus(Duration.ofMinutes(10));
        return sign(claims(tenantId, userId, roles).issueTime(Date.from(past))
                .expirationTime(Date.from(past.plus(Duration.ofMinutes(9)))).build());
    }

    /** A well-formed token signed by a key nobody trusts. */
    public static String tokenSignedByAnotherKey(UUID tenantId, UUID userId, String... roles) {
        return sign(claims(tenantId, userId, roles).build(), generate());
    }

    /** An unsigned token ({@code alg: none}) that claims everything a valid one would. */
    public static String unsignedToken(UUID tenantId, UUID userId, String... roles) {
        return new com.nimbusds.jwt.PlainJWT(claims(tenantId, userId, roles).build()).serialize();
    }

    /** A validly signed token issued for another audience than the CRM's. */
    public static String tokenForAnotherAudience(UUID tenantId, UUID userId, String... roles) {
        return sign(claims(tenantId, userId, roles).audience("another-app").build());
    }

    /** A validly signed token of another type (e.g. {@code refresh} or {@code integration}). */
    public static String tokenOfType(String type, UUID tenantId, UUID userId, String... roles) {
        return sign(claims(tenantId, userId, roles).claim("token_type", type).build());
    }

    /**
     * An integration token as identity issues it to the gateway for an API key: the key as subject, no roles,
     * the key's scopes (e.g. {@code shop:write}).
     */
    public static String integrationToken(UUID tenantId, UUID apiKeyId, String... scopes) {
        return sign(claims(tenantId, apiKeyId).claim("token_type", "integration")
                .claim("scope", String.join(" ", scopes)).build());
    }

    /** A validly signed access token without the tenant claim. */
    public static String tokenWithoutTenant(UUID userId, String... roles) {
        return sign(claims(UUID.randomUUID(), userId, roles).claim("tenant_id", null).build());
    }

    /** The public key to trust, Base64 X.509, for {@code crm.security.jwt.public-key}. */
    public static String publicKey() {
        return Base64.getEncoder().encodeToString(KEYS.getPublic().getEncoded());
    }

    private static JWTClaimsSet.Builder claims(UUID tenantId, UUID userId, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer("crm-identity")
                .subject(userId.toString())
                .audience("crm")
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plus(Duration.ofMinutes(15))))
                .jwtID(UUID.randomUUID().toString())
                .claim("tenant_id", tenantId.toString())
                .claim("roles", List.copyOf(Arrays.asList(roles)))
                .claim("token_type", "access");
    }

    private static String sign(JWTClaimsSet claims) {
        return sign(claims, KEYS);
    }

    private static String sign(JWTClaimsSet claims, KeyPair keys) {
        try {
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("test").build(), claims);
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyPair generate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
