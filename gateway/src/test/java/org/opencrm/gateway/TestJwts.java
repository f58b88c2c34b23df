package org.opencrm.gateway;

import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

/** Tokens shaped like identity-service's, signed by keys the gateway under test trusts or not. */
final class TestJwts {

    private TestJwts() {
    }

    static KeyPair keys() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String publicKey(KeyPair keys) {
        return Base64.getEncoder().encodeToString(keys.getPublic().getEncoded());
    }

    /** A token of the given type for a new user of a new company. */
    static String token(KeyPair keys, String type) {
        try {
            var claims = new JWTClaimsSet.Builder().subject(UUID.randomUUID().toString()).audience("crm")
                    .issuer("crm-identity").issueTime(new Date()).expirationTime(Date.from(Instant.now().plusSeconds(600)))
                    .claim("tenant_id", UUID.randomUUID().toString()).claim("roles", List.of("MANAGER"))
                    .claim("token_type", type).build();
            var jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID("k1").build(), claims);
            jwt.sign(new RSASSASigner(keys.getPrivate()));
            return jwt.serialize();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
