package org.opencrm.contacts;

import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.ServiceConventionsTest;

@CrmIntegrationTest
class ContactsApplicationTest extends ServiceConventionsTest {

    @Override
    protected String apiPath() {
        return "/api/contacts/00000000-0000-0000-0000-000000000001";
    }
}
