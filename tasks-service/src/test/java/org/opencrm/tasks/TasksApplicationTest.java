package org.opencrm.tasks;

import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.ServiceConventionsTest;

@CrmIntegrationTest
class TasksApplicationTest extends ServiceConventionsTest {

    @Override
    protected String apiPath() {
        return "/api/tasks/anything";
    }
}
