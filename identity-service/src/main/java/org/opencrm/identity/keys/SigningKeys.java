package org.opencrm.identity.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.JWSAlgorithm;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The keys that sign access tokens. The first instance to start creates one; every instance signs with
 * the newest key in service and publishes every key whose tokens may still be valid, each with its
 * {@code kid}, so a key can be rotated without logging anyone out.
 */
@Service
public class SigningKeys implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    /** Longer than any access token lives: a retired key is published that long after retirement. */
    private static final Duration PUBLISH_AFTER_RETIREMENT = Duration.ofDays(1);
    private static final long CREATE_KEY_LOCK = 0x6372_6d6b_6579L;

    private final SigningKeyRepository keys;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final KeyEncryption encryption;
    private volatile JWKSet published;
    private volatile Instant publishedAt = Instant.EPOCH;

    SigningKeys(SigningKeyRepository keys, TransactionTemplate transactions, JdbcTemplate jdbc,
            KeyEncryption encryption) {
        this.keys = keys;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    @Override
    public void run(ApplicationArguments args) {
        ensureActiveKey();
    }

    /** Creates a key unless one is in service; instances starting together agree through an advisory lock. */
    public void ensureActiveKey() {
        transactions.executeWithoutResult(status -> {
            jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, CREATE_KEY_LOCK);
            List<SigningKey> active = keys.findActive();
            if (!active.isEmpty() && !encryption.canDecrypt(active.getFirst().privateKey())) {
                // stored before encryption, or under another secret: stop signing with it, keep publishing it
                jdbc.update("update signing_key set retired_at = now() where kid = ?", active.getFirst().kid());
                log.warn("Retired signing key {}: it cannot be decrypted with the configured secret",
                        active.getFirst().kid());
                active = List.of();
            }
            if (active.isEmpty()) {
                keys.save(generate());
                log.info("Created a new token signing key");
            }
        });
    }

    /** The key new tokens are signed with, private part included. */
    public RSAKey signingKey() {
        List<SigningKey> active = transactions.execute(status -> keys.findActive());
        if (active == null || active.isEmpty()) {
            ensureActiveKey();
            return signingKey();
        }
        return toJwk(active.getFirst(), true);
    }

    /** The public keys verifiers must know: the JWKS, read at most once a minute. */
    public JWKSet publicKeys() {
        if (published == null || publishedAt.isBefore(Instant.now().minusSeconds(60))) {
            refreshPublicKeys();
        }
        return published;
    }

    /** The JWKS read again now, e.g. for a token whose key id is not known yet. */
    public JWKSet refreshPublicKeys() {
        List<SigningKey> publishable = transactions.execute(
                status -> keys.findPublishable(Instant.now().minus(PUBLISH_AFTER_RETIREMENT)));
        published = new JWKSet(publishable.stream().map(key -> (JWK) toJwk(key, false)).toList());
        publishedAt = Instant.now();
        return published;
    }

    private SigningKey generate() {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            var encoder = Base64.getEncoder();
            return new SigningKey(UUID.randomUUID().toString(), encoder.encodeToString(pair.getPublic().getEncoded()),
                    encryption.encrypt(encoder.encodeToString(pair.getPrivate().getEncoded())), Instant.now());
        } catch (Exception e) {
            throw new IllegalStateException("Cannot generate an RSA key", e);
        }
    }

    private RSAKey toJwk(SigningKey key, boolean withPrivate) {
        try {
            var factory = KeyFactory.getInstance("RSA");
            var decoder = Base64.getDecoder();
            var publicKey = (RSAPublicKey) factory.generatePublic(new X509EncodedKeySpec(decoder.decode(key.publicKey())));
            var builder = new RSAKey.Builder(publicKey).keyID(key.kid()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).issueTime(Date.from(key.createdAt()));
            if (withPrivate) {
                builder.privateKey((RSAPrivateKey) factory.generatePrivate(
                        new PKCS8EncodedKeySpec(decoder.decode(encryption.decrypt(key.privateKey())))));
            }
            return builder.build();
        } catch (Exception e) {
            throw new IllegalStateException("Signing key " + key.kid() + " cannot be read", e);
        }
    }

}
