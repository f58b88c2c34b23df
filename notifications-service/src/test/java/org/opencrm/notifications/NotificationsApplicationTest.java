package org.opencrm.notifications;

import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.ServiceConventionsTest;

@CrmIntegrationTest
class NotificationsApplicationTest extends ServiceConventionsTest {

    @Override
    protected String apiPath() {
        return "/api/notifications/anything";
    }
}
