package org.opencrm.deals;

import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.ServiceConventionsTest;

@CrmIntegrationTest
class DealsApplicationTest extends ServiceConventionsTest {

    @Override
    protected String apiPath() {
        return "/api/deals/anything";
    }
}
