package org.opencrm.analytics;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

    @Test
    void featurePackagesKeepTheirBoundaries() {
        ApplicationModules.of(AnalyticsApplication.class).verify();
    }
}
