package org.opencrm.identity.keys;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.JWSAlgorithm;
import java.security.KeyFactory;
import java.sql.Timestamp;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The keys that sign access tokens. The first instance to start creates one, and every
 * {@code crm.identity.keys.rotation-period} a new one takes over: it is published at once but signs only
 * after {@code announcement}, so verifiers know it before they meet it; the key it replaces is then
 * retired and still published for a day, longer than any token it signed lives. Nobody is logged out.
 * Instances agree through a PostgreSQL advisory lock.
 */
@Service
@EnableConfigurationProperties(KeySettings.class)
public class SigningKeys implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);
    /** Longer than any access token lives: a retired key is published that long after retirement. */
    private static final Duration PUBLISH_AFTER_RETIREMENT = Duration.ofDays(1);
    private static final long CREATE_KEY_LOCK = 0x6372_6d6b_6579L;

    private final SigningKeyRepository keys;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;
    private final KeyEncryption encryption;
    private final KeySettings settings;
    private volatile JWKSet published;
    private volatile Instant publishedAt = Instant.EPOCH;

    SigningKeys(SigningKeyRepository keys, TransactionTemplate transactions, JdbcTemplate jdbc,
            KeyEncryption encryption, KeySettings settings) {
        this.settings = settings;
        this.keys = keys;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.encryption = encryption;
    }

    @Override
    public void run(ApplicationArguments args) {
        rotate(Instant.now());
    }

    @Scheduled(fixedDelayString = "${crm.identity.keys.check-interval:1h}", initialDelayString = "${crm.identity.keys.check-interval:1h}")
    void rotateIfDue() {
        rotate(Instant.now());
    }

    /**
     * Brings the keys in service up to date at the given time: a key if there is none or the newest is due
     * for rotation, and the retirement of keys that no longer sign (or cannot be decrypted any more).
     */
    void rotate(Instant now) {
        transactions.executeWithoutResult(status -> {
            jdbc.queryForObject("select pg_advisory_xact_lock(?)", Object.class, CREATE_KEY_LOCK);
            List<SigningKey> inService = new ArrayList<>();
            for (SigningKey key : keys.findInService()) {
                if (encryption.canDecrypt(key.privateKey())) {
                    inService.add(key);
                } else {
                    // stored before encryption, or under another secret: stop signing with it, keep publishing it
                    retire(key, now);
                    log.warn("Retired signing key {}: it cannot be decrypted with the configured secret", key.kid());
                }
            }
            if (inService.isEmpty() || inService.getFirst().createdAt().isBefore(now.minus(settings.rotationPeriod()))) {
                SigningKey created = keys.save(generate(now));
                inService.addFirst(created);
                log.info("Created token signing key {}; it signs from {}", created.kid(),
                        inService.size() == 1 ? "now" : now.plus(settings.announcement()));
            }
            SigningKey signer = signer(inService, now);
            inService.stream().filter(key -> key.createdAt().isBefore(signer.createdAt())).forEach(key -> {
                retire(key, now);
                log.info("Retired token signing key {}; it is published until {}", key.kid(),
                        now.plus(PUBLISH_AFTER_RETIREMENT));
            });
        });
    }

    /** The key new tokens are signed with, private part included. */
    public RSAKey signingKey() {
        return signingKey(Instant.now());
    }

    RSAKey signingKey(Instant now) {
        List<SigningKey> inService = transactions.execute(status -> keys.findInService());
        if (inService == null || inService.isEmpty()) {
            rotate(now);
            return signingKey(now);
        }
        return toJwk(signer(inService, now), true);
    }

    /** The newest key announced long enough ago; the oldest in service while none is (e.g. the very first). */
    private SigningKey signer(List<SigningKey> inServiceNewestFirst, Instant now) {
        return inServiceNewestFirst.stream()
                .filter(key -> !key.createdAt().isAfter(now.minus(settings.announcement())))
                .findFirst()
                .orElse(inServiceNewestFirst.getLast());
    }

    private void retire(SigningKey key, Instant now) {
        jdbc.update("update signing_key set retired_at = ? where kid = ? and retired_at is null",
                Timestamp.from(now), key.kid());
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

    private SigningKey generate(Instant now) {
        try {
            var generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            var pair = generator.generateKeyPair();
            var encoder = Base64.getEncoder();
            return new SigningKey(UUID.randomUUID().toString(), encoder.encodeToString(pair.getPublic().getEncoded()),
                    encryption.encrypt(encoder.encodeToString(pair.getPrivate().getEncoded())), now);
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
