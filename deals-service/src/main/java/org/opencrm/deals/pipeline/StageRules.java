package org.opencrm.deals.pipeline;

import java.util.List;
import org.opencrm.platform.starter.web.InvalidFieldsException;

/** What every pipeline keeps: at least one open stage, exactly one won stage, at least one lost stage. */
final class StageRules {

    private StageRules() {
    }

    /** 400 naming {@code field} if stages with these outcomes would break the rules. */
    static void check(List<Outcome> outcomes, String field) {
        long open = outcomes.stream().filter(o -> o == Outcome.OPEN).count();
        long won = outcomes.stream().filter(o -> o == Outcome.WON).count();
        long lost = outcomes.stream().filter(o -> o == Outcome.LOST).count();
        if (open == 0) {
            throw InvalidFieldsException.of(field, "would leave the pipeline without an open stage");
        }
        if (won != 1) {
            throw InvalidFieldsException.of(field, won == 0 ? "would leave the pipeline without its won stage"
                    : "would give the pipeline a second won stage; a pipeline has exactly one");
        }
        if (lost == 0) {
            throw InvalidFieldsException.of(field, "would leave the pipeline without a lost stage");
        }
    }
}
