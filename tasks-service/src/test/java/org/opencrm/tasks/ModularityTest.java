package org.opencrm.tasks;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;

class ModularityTest {

    @Test
    void featurePackagesKeepTheirBoundaries() {
        ApplicationModules.of(TasksApplication.class).verify();
    }
}
