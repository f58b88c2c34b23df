package org.opencrm.contacts.importing;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Brings the rows that update a card (duplicates UPDATE) into it, in the order of the file: a value the
 * row gives replaces the card's, an empty cell leaves it; tags and custom fields are added to the card's;
 * phones, e-mails and other points the card does not have yet are added after its own, the first of a kind
 * the card had none of becoming its primary one. The limits of the API hold (50 tags, 50 points); a row
 * that would break one is refused.
 * <p>
 * Rows are read a page at a time, ordered by the card they update, so memory stays flat however many
 * rows a card gets. Cards the file itself created are merged the same way; they keep version 0 and are
 * announced as created. What is the same for every card is here; {@link ContactCardMerge} and
 * {@link CompanyCardMerge} read, merge and write their card's own fields.
 *
 * @param <C> a card as stored
 * @param <U> a staged row that updates a card
 */
abstract sealed class CardMerge<C extends CardMerge.Card, U extends CardMerge.Update>
        permits ContactCardMerge, CompanyCardMerge {

    private static final int PAGE = 2000;
    private static final int MAX_TAGS = 50;
    private static final int MAX_POINTS = 50;
    protected static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() { };

    /** Rows that changed a card, rows that brought nothing new, rows refused. */
    record Result(int updated, int skipped, int rejected) {
        static final Result NONE = new Result(0, 0, 0);
    }

    record Point(String kind, String label, String value, String key, boolean primary) {
    }

    /** What every card has that a merge adds to. */
    interface Card {

        List<String> tags();

        Map<String, Object> customFields();

        List<Point> points();
    }

    /** A staged row that updates a card: null fields are cells the row left empty. */
    interface Update {

        UUID target();

        int rowNumber();

        /** Null if the row gave none. */
        List<String> tags();

        Map<String, Object> customFields();

        List<Point> points();

        /** The row as it was, for the report of refused rows. */
        List<String> cells();
    }

    protected final JdbcTemplate jdbc;
    protected final JsonMapper json;
    protected final ImportWriter.Work<?> work;
    protected final Timestamp now;
    private final CardTable<?> table;
    private final String noun;
    private final List<Object[]> cardWrites = new ArrayList<>();
    private final List<Object[]> pointWrites = new ArrayList<>();
    private final List<Object[]> changedWrites = new ArrayList<>();
    private final List<Object[]> rejectionWrites = new ArrayList<>();
    private int updated;
    private int skipped;
    private int rejected;

    CardMerge(JdbcTemplate jdbc, JsonMapper json, ImportWriter.Work<?> work, Instant now, String noun) {
        this.jdbc = jdbc;
        this.json = json;
        this.work = work;
        this.table = work.table();
        this.now = Timestamp.from(now);
        this.noun = noun;
    }

    Result run() {
        UUID target = null;
        C base = null;
        C card = null;
        boolean createdHere = false;
        UUID afterTarget = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);
        int afterRow = -1;
        boolean first = true;
        while (true) {
            List<U> page = page(first, afterTarget, afterRow);
            first = false;
            if (page.isEmpty()) {
                break;
            }
            Map<UUID, C> cards = cards(page);
            Set<UUID> created = createdHere(cards.keySet());
            for (U update : page) {
                if (!update.target().equals(target)) {
                    flush(target, base, card, createdHere);
                    target = update.target();
                    base = cards.get(target);
                    card = base;
                    createdHere = created.contains(target);
                }
                if (card == null) {
                    // the card is gone (it was matched in this transaction, so only a hard delete could do it)
                    skipped++;
                    continue;
                }
                String refusal = refusal(card, update);
                if (refusal != null) {
                    rejected++;
                    rejectionWrites.add(new Object[] {work.importId(), update.rowNumber(), new String[] {refusal},
                            update.cells() == null ? new String[0] : update.cells().toArray(String[]::new)});
                    continue;
                }
                C merged = merge(card, update);
                if (merged.equals(card)) {
                    skipped++;
                } else {
                    updated++;
                    card = merged;
                }
            }
            U last = page.getLast();
            afterTarget = last.target();
            afterRow = last.rowNumber();
            write();
            work.progress().check();
        }
        flush(target, base, card, createdHere);
        write();
        return new Result(updated, skipped, rejected);
    }

    /** The columns of the staged row ({@code r}) an update is read with, besides its target and number. */
    protected abstract String stagedColumns();

    /** A staged row as read with {@link #stagedColumns}. */
    protected abstract U update(ResultSet row) throws SQLException;

    /** The current cards of the page's targets (a page's first target may continue from the previous page). */
    protected abstract Map<UUID, C> cards(List<U> page);

    /** The card with the row's values brought in; equal to the card if the row brings nothing new. */
    protected abstract C merge(C card, U update);

    /** The values of the card's update statement ({@link #updateStatement}) for a card the rows changed. */
    protected abstract Object[] cardWrite(UUID target, C card, boolean createdHere);

    /** Updates a card: its values, then its id and tenant. */
    protected abstract String updateStatement();

    /** Why the card cannot take the row, or null. */
    protected String refusal(C card, U update) {
        if (update.tags() != null) {
            Set<String> tags = new HashSet<>(card.tags());
            tags.addAll(update.tags());
            if (tags.size() > MAX_TAGS) {
                return "The " + noun + " would have more than " + MAX_TAGS + " tags";
            }
        }
        long added = update.points().stream().filter(point -> !has(card.points(), point)).count();
        if (card.points().size() + added > MAX_POINTS) {
            return "The " + noun + " would have more than " + MAX_POINTS + " phones, e-mails and other contact points";
        }
        return null;
    }

    /** The page's targets' points, by card, in their order. */
    protected Map<UUID, List<Point>> points(UUID[] ids) {
        Map<UUID, List<Point>> points = new HashMap<>();
        jdbc.query("select " + table.pointCardColumn() + ", kind, label, value, search_key, is_primary from "
                + table.pointTable() + " where " + table.pointCardColumn() + " = any(?) and tenant_id = ?"
                + " order by " + table.pointCardColumn() + ", position", row -> {
            points.computeIfAbsent(row.getObject(1, UUID.class), id -> new ArrayList<>()).add(new Point(
                    row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getBoolean(6)));
        }, ids, work.tenantId());
        return points;
    }

    /** The next page of rows that update a card, ordered by the card and the row. */
    private List<U> page(boolean first, UUID afterTarget, int afterRow) {
        return jdbc.query("select o.target, r.row_no, " + stagedColumns()
                + " from import_outcome o join import_row r on r.row_no = o.row_no"
                + " where o.action = 'U' and (? or (o.target, o.row_no) > (?, ?))"
                + " order by o.target, o.row_no limit ?", (row, n) -> update(row), first, afterTarget, afterRow, PAGE);
    }

    private Set<UUID> createdHere(Set<UUID> ids) {
        return new HashSet<>(jdbc.queryForList("select target from import_outcome where action = 'C' and target = any(?)",
                UUID.class, (Object) ids.toArray(UUID[]::new)));
    }

    static List<String> mergedTags(Card card, Update row) {
        List<String> tags = new ArrayList<>(card.tags());
        if (row.tags() != null) {
            row.tags().stream().filter(tag -> !tags.contains(tag)).forEach(tags::add);
        }
        return List.copyOf(tags);
    }

    static Map<String, Object> mergedCustomFields(Card card, Update row) {
        Map<String, Object> custom = new LinkedHashMap<>(card.customFields());
        custom.putAll(row.customFields());
        return custom;
    }

    static List<Point> mergedPoints(Card card, Update row) {
        List<Point> points = new ArrayList<>(card.points());
        for (Point point : row.points()) {
            if (!has(points, point)) {
                boolean firstOfKind = points.stream().noneMatch(kept -> kept.kind().equals(point.kind()));
                points.add(new Point(point.kind(), point.label(), point.value(), point.key(), firstOfKind));
            }
        }
        return List.copyOf(points);
    }

    private static boolean has(List<Point> points, Point point) {
        return points.stream().anyMatch(kept -> kept.kind().equals(point.kind()) && kept.key().equals(point.key()));
    }

    static <T> T or(T given, T kept) {
        return given != null ? given : kept;
    }

    static String primary(Card card, String kind) {
        return card.points().stream().filter(point -> point.kind().equals(kind) && point.primary()).map(Point::value)
                .findFirst().orElse(null);
    }

    /** Queues the writes of a card the rows changed: the row itself, its added points, and the history's list. */
    private void flush(UUID target, C base, C card, boolean createdHere) {
        if (target == null || base == null || Objects.equals(base, card)) {
            return;
        }
        cardWrites.add(cardWrite(target, card, createdHere));
        for (int position = base.points().size(); position < card.points().size(); position++) {
            Point point = card.points().get(position);
            pointWrites.add(new Object[] {target, position, work.tenantId(), point.kind(), point.label(), point.value(),
                    point.key(), point.primary()});
        }
        changedWrites.add(new Object[] {target, base.points().size(), createdHere});
    }

    private void write() {
        if (!cardWrites.isEmpty()) {
            jdbc.batchUpdate(updateStatement(), cardWrites);
            cardWrites.clear();
        }
        if (!pointWrites.isEmpty()) {
            jdbc.batchUpdate("insert into " + table.pointTable() + " (" + table.pointCardColumn()
                    + ", position, tenant_id, kind, label, value, search_key, is_primary) values (?, ?, ?, ?, ?, ?, ?, ?)",
                    pointWrites);
            pointWrites.clear();
        }
        if (!changedWrites.isEmpty()) {
            jdbc.batchUpdate("insert into import_changed (card_id, first_new_position, created) values (?, ?, ?)",
                    changedWrites);
            changedWrites.clear();
        }
        if (!rejectionWrites.isEmpty()) {
            jdbc.batchUpdate("insert into contact_import_rejection (import_id, row_number, reasons, cells) values (?, ?, ?, ?)",
                    rejectionWrites);
            rejectionWrites.clear();
        }
    }

    /** The points staged with a row. */
    static List<Point> stagedPoints(ResultSet row) throws SQLException {
        String[] kinds = (String[]) row.getArray("point_kinds").getArray();
        String[] labels = (String[]) row.getArray("point_labels").getArray();
        String[] values = (String[]) row.getArray("point_values").getArray();
        String[] keys = (String[]) row.getArray("point_keys").getArray();
        Boolean[] primaries = (Boolean[]) row.getArray("point_primaries").getArray();
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < kinds.length; i++) {
            points.add(new Point(kinds[i], labels[i], values[i], keys[i], primaries[i]));
        }
        return points;
    }

    static List<String> strings(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }
}
