package org.opencrm.platform.events;

import java.util.List;

/** Kafka topic names: one topic per aggregate, {@code crm.<context>.<aggregate>}, keyed by aggregate id. */
public final class Topics {

    public static final String IDENTITY_USER = "crm.identity.user";
    public static final String IDENTITY_TENANT = "crm.identity.tenant";
    public static final String IDENTITY_DEPARTMENT = "crm.identity.department";
    public static final String CONTACTS_CONTACT = "crm.contacts.contact";
    public static final String CONTACTS_COMPANY = "crm.contacts.company";
    public static final String DEALS_LEAD = "crm.deals.lead";
    public static final String DEALS_DEAL = "crm.deals.deal";
    public static final String DEALS_ORDER = "crm.deals.order";
    public static final String DEALS_CAMPAIGN = "crm.deals.campaign";
    public static final String TASKS_TASK = "crm.tasks.task";
    public static final String TASKS_PROJECT = "crm.tasks.project";
    public static final String CHAT_MESSAGE = "crm.chat.message";
    public static final String TELEPHONY_CALL = "crm.telephony.call";
    public static final String NOTIFICATIONS_NOTIFICATION = "crm.notifications.notification";

    /** Every domain topic, in the order of the architecture's service table. */
    public static final List<String> ALL = List.of(IDENTITY_USER, IDENTITY_TENANT, IDENTITY_DEPARTMENT, CONTACTS_CONTACT,
            CONTACTS_COMPANY, DEALS_LEAD, DEALS_DEAL, DEALS_ORDER, DEALS_CAMPAIGN, TASKS_TASK, TASKS_PROJECT,
            CHAT_MESSAGE, TELEPHONY_CALL, NOTIFICATIONS_NOTIFICATION);

    private static final String DEAD_LETTER_SUFFIX = ".dlt";

    private Topics() {
    }

    /** The dead-letter topic of a domain topic. */
    public static String deadLetter(String topic) {
        return topic + DEAD_LETTER_SUFFIX;
    }
}
