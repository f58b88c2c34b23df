package org.opencrm.contacts.point;

/** What a contact point is: how one reaches a client (`002_*` 2.1.21: phones, e-mails, messengers, socials). */
public enum PointKind {
    PHONE, EMAIL, MESSENGER, SOCIAL, ADDRESS, WEBSITE
}
