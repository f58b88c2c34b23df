package org.opencrm.contacts.importing;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencrm.contacts.customfield.CardType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * What an import writes differently for each kind of card ({@link ImportWriter} does the rest): the staging
 * table of checked rows and how a row goes into it, the keys by which rows duplicate each other and the
 * company's cards, the insert of new cards, the merge of duplicates, and the columns of the change history.
 * The SQL is native, so every statement that reads the company's cards names the tenant.
 *
 * @param <R> a checked row, as {@link RowChecker} gives it
 */
abstract sealed class CardTable<R> permits ContactTable, CompanyTable {

    protected final JdbcTemplate jdbc;

    CardTable(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    abstract CardType card();

    /** The card's table: {@code contact}, {@code company}. */
    abstract String table();

    /** Its contact points' table and the column there that names the card. */
    abstract String pointTable();

    abstract String pointCardColumn();

    /**
     * Creates {@code import_row}, the temporary table of checked rows: {@code row_no}, {@code id} (the card's id
     * if the row creates one), the card's fields, the points as parallel arrays ({@code point_kinds},
     * {@code point_labels}, {@code point_values}, {@code point_keys}, {@code point_primaries}) and {@code cells}.
     */
    abstract String stagingTable();

    /** The COPY statement that fills {@code import_row}, in the order {@link #stage} writes the values. */
    abstract String copyRows();

    /** Writes a checked row in COPY's text format; {@code cells} only if the import keeps them. */
    abstract void stage(CopyText rows, R row, UUID id, List<String> cells);

    /** Whether the rows' cells are staged: the rows refused after checking are reported with them. */
    abstract boolean keepsCells(Duplicates duplicates);

    /**
     * The keys by which rows of the file duplicate one another, as a subquery of {@code (row_no, kind,
     * search_key)}: their phones and e-mails (the staged {@code import_point}).
     */
    String duplicateKeys() {
        return "(select row_no, kind, search_key from import_point where kind in ('PHONE', 'EMAIL'))";
    }

    /**
     * Creates {@code import_match (row_no, card_id, owner_id)}: the company's card each row duplicates, sharing
     * a phone or an e-mail with it (the oldest if several do).
     */
    void match(ImportWriter.Work<R> work) {
        jdbc.update("create temp table import_match on commit drop as"
                + " select distinct on (ip.row_no) ip.row_no, c.id as card_id, c.owner_id from import_point ip"
                + " join " + pointTable() + " p on p.search_key = ip.search_key and p.kind = ip.kind and p.tenant_id = ?"
                + " join " + table() + " c on c.id = p." + pointCardColumn() + " and c.tenant_id = ? and c.deleted_at is null"
                + " where ip.kind in ('PHONE', 'EMAIL')"
                + " order by ip.row_no, c.created_at, c.id", work.tenantId(), work.tenantId());
    }

    /** Fills {@code import_outcome} for duplicates CREATE: every row creates a card. */
    void decideCreate(ImportWriter.Work<R> work) {
        jdbc.update("insert into import_outcome select row_no, 'C', id from import_row");
    }

    /** Why a row is refused whose duplicate is a card of a colleague's that the user may not change. */
    abstract String colleaguesCard();

    /** Inserts the cards of the rows that create one (action C), in the order of the file; how many. */
    abstract int insertCards(ImportWriter.Work<R> work, Timestamp at);

    /** Brings the rows that update a card (action U) into it. */
    abstract CardMerge.Result merge(ImportWriter.Work<R> work, Instant now);

    /** The card's history table and its points'. */
    abstract String auditTable();

    abstract String pointAuditTable();

    /** The audited columns of the card, as its table and its history table name them. */
    abstract String auditedColumns();

    /**
     * The audited columns' values of a new card from its staged row {@code r}, as {@link #insertCards} stores
     * them; the parameters are the tenant, then the importing user.
     */
    abstract String stagedAudited();
}
