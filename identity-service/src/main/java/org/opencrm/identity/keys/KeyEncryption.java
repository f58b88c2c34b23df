package org.opencrm.identity.keys;

import org.opencrm.platform.starter.secrets.SecretEncryption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Keeps the private signing keys encrypted at rest (AES-256-GCM, {@link SecretEncryption}), with a key derived
 * from {@code crm.identity.key-secret} ({@code CRM_IDENTITY_KEY_SECRET}). A copy of the database alone then
 * does not let anyone mint tokens. Stored values read {@code v1:<base64 of iv + ciphertext>}.
 */
@Component
class KeyEncryption {

    private static final Logger log = LoggerFactory.getLogger(KeyEncryption.class);
    private static final String DEVELOPMENT_SECRET = "crm-development-only-key-secret";

    private final SecretEncryption encryption;

    KeyEncryption(@Value("${crm.identity.key-secret:" + DEVELOPMENT_SECRET + "}") String secret) {
        if (DEVELOPMENT_SECRET.equals(secret)) {
            log.warn("Signing keys are encrypted with the development secret; set CRM_IDENTITY_KEY_SECRET in production");
        }
        this.encryption = new SecretEncryption(secret, "CRM_IDENTITY_KEY_SECRET");
    }

    String encrypt(String plain) {
        return encryption.encrypt(plain);
    }

    /** Whether the stored value is encrypted with this secret (a key from before encryption, or another secret, is not). */
    boolean canDecrypt(String stored) {
        return encryption.canDecrypt(stored);
    }

    String decrypt(String stored) {
        return encryption.decrypt(stored);
    }
}
