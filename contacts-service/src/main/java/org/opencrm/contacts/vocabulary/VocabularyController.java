package org.opencrm.contacts.vocabulary;

import java.util.List;
import org.opencrm.contacts.customfield.CardType;
import org.opencrm.contacts.vocabulary.Vocabulary.Field;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The words the tag and source inputs suggest: {@code ?q=} the text typed so far, {@code limit} at most 100. */
@RestController
class VocabularyController {

    private final Vocabulary vocabulary;

    VocabularyController(Vocabulary vocabulary) {
        this.vocabulary = vocabulary;
    }

    @GetMapping("/api/contacts/tags")
    List<String> contactTags(@RequestParam(required = false) String q, @RequestParam(defaultValue = "20") int limit) {
        return vocabulary.suggest(CardType.CONTACT, Field.TAGS, q, limit);
    }

    @GetMapping("/api/contacts/sources")
    List<String> contactSources(@RequestParam(required = false) String q, @RequestParam(defaultValue = "20") int limit) {
        return vocabulary.suggest(CardType.CONTACT, Field.SOURCE, q, limit);
    }

    @GetMapping("/api/companies/tags")
    List<String> companyTags(@RequestParam(required = false) String q, @RequestParam(defaultValue = "20") int limit) {
        return vocabulary.suggest(CardType.COMPANY, Field.TAGS, q, limit);
    }
}
