package org.opencrm.contacts.history;

import org.hibernate.envers.RevisionListener;
import org.opencrm.platform.starter.security.CrmUser;
import org.opencrm.platform.starter.security.CurrentUser;
import org.opencrm.platform.starter.security.TenantContext;

/** Stamps each revision with the signed-in user (none for changes made by events) and the company. */
public class RevisionAuthor implements RevisionListener {

    @Override
    public void newRevision(Object revision) {
        ((Revision) revision).madeBy(TenantContext.current().orElse(null),
                CurrentUser.find().map(CrmUser::userId).orElse(null));
    }
}
