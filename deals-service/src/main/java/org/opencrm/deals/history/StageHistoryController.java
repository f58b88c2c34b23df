package org.opencrm.deals.history;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.opencrm.deals.access.Access;
import org.opencrm.deals.card.CardKind;
import org.opencrm.deals.card.Cards;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/** The stage history of a lead or a deal, for its panel. */
@RestController
class StageHistoryController {

    private final StageHistory history;
    private final Map<CardKind, Cards> cards;
    private final Access access;

    StageHistoryController(StageHistory history, List<Cards> cards, Access access) {
        this.history = history;
        this.cards = cards.stream().collect(Collectors.toMap(Cards::kind, Function.identity()));
        this.access = access;
    }

    @GetMapping("/api/deals/{kind:leads|deals}/{id}/stages")
    Map<String, List<StageHistory.Move>> of(@PathVariable String kind, @PathVariable UUID id) {
        CardKind card = "leads".equals(kind) ? CardKind.LEAD : CardKind.DEAL;
        cards.get(card).visible(id, access.visibility());
        return Map.of("items", history.of(card, id));
    }
}
