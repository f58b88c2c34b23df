package org.opencrm.notifications.preference;

import java.util.List;

/** The kinds of notification a user chooses channels for; the names are the API's and the events' {@code kind}. */
public final class Kinds {

    public static final String CALL = "call";
    public static final String MENTION = "mention";
    public static final String ASSIGNMENT = "assignment";
    public static final String DEAL_MOVED = "deal-moved";
    public static final String IMPORT_FINISHED = "import-finished";
    public static final String RETURN_REQUESTED = "return-requested";

    public static final List<String> ALL = List.of(CALL, MENTION, ASSIGNMENT, DEAL_MOVED, IMPORT_FINISHED,
            RETURN_REQUESTED);

    private Kinds() {
    }
}
