package org.opencrm.telephony;

import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.ServiceConventionsTest;

@CrmIntegrationTest
class TelephonyApplicationTest extends ServiceConventionsTest {

    @Override
    protected String apiPath() {
        return "/api/telephony/anything";
    }
}
