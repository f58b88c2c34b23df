package org.opencrm.identity;

import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.ServiceConventionsTest;

@CrmIntegrationTest
class IdentityApplicationTest extends ServiceConventionsTest {

    @Override
    protected String apiPath() {
        return "/api/identity/anything";
    }
}
