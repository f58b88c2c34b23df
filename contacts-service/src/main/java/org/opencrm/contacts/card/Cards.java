package org.opencrm.contacts.card;

import java.util.UUID;
import org.opencrm.platform.starter.directory.Visibility;

/**
 * Resolves a card the user sees (404 otherwise); implemented where contacts and companies live, so that
 * features attached to any card (timeline, comments) need not know either.
 */
public interface Cards {

    CardRef.Kind kind();

    CardRef visible(UUID id, Visibility visibility);
}
