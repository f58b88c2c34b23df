package org.opencrm.chat;

import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.ServiceConventionsTest;

@CrmIntegrationTest
class ChatApplicationTest extends ServiceConventionsTest {

    @Override
    protected String apiPath() {
        return "/api/chat/anything";
    }
}
