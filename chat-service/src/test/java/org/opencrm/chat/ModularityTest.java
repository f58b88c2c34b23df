package org.opencrm.chat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

    @Test
    void featurePackagesKeepTheirBoundaries() {
        ApplicationModules.of(ChatApplication.class).verify();
    }
}
