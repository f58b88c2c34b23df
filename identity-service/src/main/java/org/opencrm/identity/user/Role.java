package org.opencrm.identity.user;

/** What a user does in the company; each service decides what a role may do there (docs/security.md). */
public enum Role {
    ADMIN, SUPERVISOR, MANAGER, OPERATOR, MARKETER, DEVELOPER
}
