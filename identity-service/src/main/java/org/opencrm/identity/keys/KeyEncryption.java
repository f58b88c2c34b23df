package org.opencrm.identity.keys;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps the private signing keys encrypted at rest (AES-256-GCM), with a key derived from
 * {@code crm.identity.key-secret} ({@code CRM_IDENTITY_KEY_SECRET}). A copy of the database alone then
 * does not let anyone mint tokens. Stored values read {@code v1:<base64 of iv + ciphertext>}.
 */
@Component
class KeyEncryption {

    private static final Logger log = LoggerFactory.getLogger(KeyEncryption.class);
    private static final String PREFIX = "v1:";
    private static final String DEVELOPMENT_SECRET = "crm-development-only-key-secret";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    KeyEncryption(@Value("${crm.identity.key-secret:" + DEVELOPMENT_SECRET + "}") String secret) {
        if (DEVELOPMENT_SECRET.equals(secret)) {
            log.warn("Signing keys are encrypted with the development secret; set CRM_IDENTITY_KEY_SECRET in production");
        }
        try {
            byte[] derived = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            this.key = new SecretKeySpec(derived, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    String encrypt(String plain) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a signing key", e);
        }
    }

    /** Whether the stored value is encrypted with this secret (a key from before encryption, or another secret, is not). */
    boolean canDecrypt(String stored) {
        try {
            decrypt(stored);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    String decrypt(String stored) {
        if (!stored.startsWith(PREFIX)) {
            throw new IllegalStateException("A signing key is not stored encrypted");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot decrypt a signing key: is CRM_IDENTITY_KEY_SECRET the one it was "
                    + "encrypted with?", e);
        }
    }
}
