package org.opencrm.platform.events;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/**
 * The golden JSON sample of each event type ({@code golden/<type>.json}): producers' tests compare what
 * they send with it, consumers' tests feed it in, so both sides agree on the contract.
 */
public final class GoldenSamples {

    private GoldenSamples() {
    }

    /** The sample's JSON text. */
    public static String read(String eventType) {
        try (InputStream in = GoldenSamples.class.getResourceAsStream("/golden/" + eventType + ".json")) {
            if (in == null) {
                throw new IllegalArgumentException("No golden sample for event type " + eventType);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
