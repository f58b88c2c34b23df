package org.opencrm.analytics;

import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.ServiceConventionsTest;

@CrmIntegrationTest
class AnalyticsApplicationTest extends ServiceConventionsTest {

    @Override
    protected String apiPath() {
        return "/api/analytics/counters";
    }
}
