package org.opencrm.identity.user;

/** Where a user account stands: invited users cannot sign in yet, deactivated ones no longer can. */
public enum UserStatus {
    INVITED, ACTIVE, DEACTIVATED
}
