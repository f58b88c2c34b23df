package org.opencrm.platform.events.deals;

import java.util.UUID;

/**
 * A stage of a pipeline as events name it: a seeded stage has a {@code code} (the web app translates it)
 * and no name until someone renames it; a stage an ADMIN added has a name only.
 *
 * @param outcome OPEN, WON or LOST
 */
public record StageRef(UUID id, String code, String name, String outcome) {
}
