package org.opencrm.contacts.vocabulary;

import java.util.List;
import org.opencrm.platform.starter.directory.Visibility;
import org.opencrm.contacts.customfield.CardType;
import org.opencrm.platform.starter.directory.Directory;
import org.opencrm.platform.starter.security.CurrentUser;
import org.opencrm.platform.starter.security.TenantContext;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The words the company gives its cards' tags and its contacts' sources, suggested as a user types one (the
 * V17 migration's dictionary, which the database keeps as cards are written and imported). They are the
 * company's shared words whoever's cards hold them: a tag names a group of clients, not a client, and one
 * spelling for everyone is the point of suggesting it. Native SQL, so the tenant is named here explicitly.
 */
@Service
class Vocabulary {

    /** The longest text worth looking up: a source holds at most 100 characters, a tag 50. */
    static final int LONGEST = 100;

    /** A kind of card's field whose words are suggested. */
    enum Field {
        TAGS("tags"), SOURCE("source");

        private final String column;

        Field(String column) {
            this.column = column;
        }
    }

    private final NamedParameterJdbcTemplate sql;
    private final Directory directory;

    Vocabulary(NamedParameterJdbcTemplate sql, Directory directory) {
        this.sql = sql;
        this.directory = directory;
    }

    /**
     * At most {@code limit} (1 to 100) words that begin with the typed text, in any case, then those that hold it
     * elsewhere; each group in alphabetical order, so the word typed in full comes first. Nothing typed lists
     * the words from the start of the alphabet.
     */
    @Transactional(readOnly = true)
    List<String> suggest(CardType cards, Field field, String typed, int limit) {
        // whoever may read the company's clients may see their words; a DEVELOPER may not (403)
        Visibility.of(CurrentUser.require(), directory);
        String text = typed == null ? "" : typed.strip();
        if (text.length() > LONGEST) {
            throw InvalidFieldsException.of("q", "must be at most " + LONGEST + " characters");
        }
        var params = new MapSqlParameterSource("tenant", TenantContext.require())
                .addValue("cards", cards.name())
                .addValue("field", field.column)
                .addValue("prefix", escapeLike(text) + "%")
                .addValue("inside", "%" + escapeLike(text) + "%")
                .addValue("limit", Math.clamp(limit <= 0 ? 20 : limit, 1, 100));
        String dictionary = "from card_vocabulary where tenant_id = :tenant and card_type = :cards and field = :field";
        return sql.queryForList("select word from (select word, 0 as kind " + dictionary
                + " and lower(word) like lower(:prefix)"
                + (text.isEmpty() ? "" : " union all select word, 1 " + dictionary
                        + " and lower(word) like lower(:inside) and lower(word) not like lower(:prefix)")
                + ") found order by kind, lower(word), word limit :limit", params, String.class);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
