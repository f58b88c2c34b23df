package org.opencrm.platform.starter.secrets;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Keeps secrets the CRM must be able to read back (an exchange's password, a webhook's or a shop's signing
 * secret, identity's private signing keys) encrypted at rest with AES-256-GCM, under a key derived from a
 * deployment secret held outside the database. A copy of the database alone then reveals none of them.
 * Stored values read {@code v1:<base64 of iv + ciphertext>}; anything else is a value from before encryption.
 */
public final class SecretEncryption {

    private static final String PREFIX = "v1:";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private final String variable;

    /**
     * @param secret   the deployment secret
     * @param variable the environment variable that holds it, named when a value cannot be decrypted
     */
    public SecretEncryption(String secret, String variable) {
        this.variable = variable;
        try {
            byte[] derived = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            this.key = new SecretKeySpec(derived, "AES");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public String encrypt(String plain) {
        try {
            byte[] iv = new byte[12];
            RANDOM.nextBytes(iv);
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, iv));
            byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return PREFIX + Base64.getEncoder().encodeToString(ByteBuffer.allocate(iv.length + sealed.length)
                    .put(iv).put(sealed).array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("Cannot encrypt a secret", e);
        }
    }

    /** Whether the stored value is encrypted at all (else it was stored before encryption). */
    public static boolean isEncrypted(String stored) {
        return stored != null && stored.startsWith(PREFIX);
    }

    /** Whether the stored value is encrypted with this secret (one from before encryption, or another secret, is not). */
    public boolean canDecrypt(String stored) {
        try {
            decrypt(stored);
            return true;
        } catch (IllegalStateException e) {
            return false;
        }
    }

    public String decrypt(String stored) {
        if (!isEncrypted(stored)) {
            throw new IllegalStateException("A secret is not stored encrypted");
        }
        try {
            byte[] all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, all, 0, 12));
            return new String(cipher.doFinal(all, 12, all.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("Cannot decrypt a stored secret: is " + variable
                    + " the one it was encrypted with?", e);
        }
    }

    /**
     * The plain secret of a stored value: decrypted, or as it is if it was stored before encryption (the services
     * write such a value back encrypted when they first read it).
     */
    public String reveal(String stored) {
        return stored == null || !isEncrypted(stored) ? stored : decrypt(stored);
    }
}
