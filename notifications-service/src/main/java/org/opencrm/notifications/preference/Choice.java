package org.opencrm.notifications.preference;

/**
 * How one user wants to hear of one kind of notification.
 *
 * @param language en, ru or uk: what notifications, e-mails and SMS to them are written in
 * @param phone    where SMS go (E.164), null when they have none
 */
public record Choice(boolean inApp, boolean email, boolean sms, String language, String phone) {
}
