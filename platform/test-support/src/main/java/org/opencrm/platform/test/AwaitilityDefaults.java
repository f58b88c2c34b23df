package org.opencrm.platform.test;

import java.time.Duration;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Generous ceilings for asynchronous outcomes on a small, busy machine; polls often so tests stay quick. */
public class AwaitilityDefaults implements BeforeAllCallback {

    @Override
    public void beforeAll(ExtensionContext context) {
        Awaitility.setDefaultTimeout(Duration.ofSeconds(60));
        Awaitility.setDefaultPollInterval(Duration.ofMillis(100));
        Awaitility.setDefaultPollDelay(Duration.ZERO);
    }
}
