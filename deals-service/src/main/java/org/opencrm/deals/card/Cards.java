package org.opencrm.deals.card;

import java.util.UUID;
import org.opencrm.platform.starter.directory.Visibility;

/**
 * Resolves a lead or deal the user sees (404 otherwise); implemented where leads and deals live, so that
 * features attached to either (comments, stage history) need not know them.
 */
public interface Cards {

    CardKind kind();

    CardRef visible(UUID id, Visibility visibility);
}
