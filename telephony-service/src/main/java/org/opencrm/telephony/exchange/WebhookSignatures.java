package org.opencrm.telephony.exchange;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.stereotype.Component;

/**
 * The optional HMAC-SHA256 signature of the exchange's webhook: once an ADMIN set a signing secret, the header
 * {@value #HEADER} must hold {@code sha256=<hex HMAC-SHA256 of the raw body>} (the prefix may be left out); a
 * missing or wrong one is 401 and nothing is stored.
 */
@Component
class WebhookSignatures {

    static final String HEADER = "X-Telephony-Signature";

    private final TelephonySettings settings;

    WebhookSignatures(TelephonySettings settings) {
        this.settings = settings;
    }

    void verify(byte[] body, String header) {
        Optional<String> secret = settings.signingSecret();
        if (secret.isEmpty()) {
            return;
        }
        if (header == null || header.isBlank()) {
            throw new BadSignatureException("The company requires the " + HEADER + " header (HMAC-SHA256 of the body).");
        }
        String given = header.strip();
        if (given.regionMatches(true, 0, "sha256=", 0, 7)) {
            given = given.substring(7);
        }
        byte[] actual;
        try {
            actual = HexFormat.of().parseHex(given.toLowerCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadSignatureException("The " + HEADER + " header is not a hex HMAC-SHA256.");
        }
        if (!MessageDigest.isEqual(sign(secret.get(), body), actual)) {
            throw new BadSignatureException("The " + HEADER + " header does not match the body.");
        }
    }

    static byte[] sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A webhook request whose signature is missing or wrong: 401. */
    static class BadSignatureException extends RuntimeException {
        BadSignatureException(String message) {
            super(message);
        }
    }
}
