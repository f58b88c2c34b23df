package org.opencrm.notifications.push;

import java.util.Map;
import java.util.Optional;
import org.opencrm.platform.events.Topics;

/**
 * Which record an event changed, as the {@code changed} frame names it: the entity of the event's topic, whose key
 * (the subject) is the record's id. The order events are keyed by their deal; an import's end and loyalty points
 * are not records a screen shows by id.
 */
final class ChangedEntities {

    private static final Map<String, String> BY_TOPIC = Map.of(
            Topics.CONTACTS_CONTACT, "contact",
            Topics.CONTACTS_COMPANY, "company",
            Topics.DEALS_LEAD, "lead",
            Topics.DEALS_DEAL, "deal",
            Topics.DEALS_ORDER, "deal",
            Topics.DEALS_CAMPAIGN, "campaign",
            Topics.TASKS_TASK, "task",
            Topics.TASKS_PROJECT, "project",
            Topics.TELEPHONY_CALL, "call");

    private ChangedEntities() {
    }

    static Optional<String> of(String topic, String type) {
        if ("import.finished".equals(type) || "loyalty.points-changed".equals(type)) {
            return Optional.empty();
        }
        return Optional.ofNullable(BY_TOPIC.get(topic));
    }
}
