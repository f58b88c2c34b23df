package org.opencrm.contacts.importing;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
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
import org.opencrm.contacts.point.SearchText;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Brings the rows that update a contact (duplicates UPDATE) into it, in the order of the file: a value the
 * row gives replaces the card's, an empty cell leaves it; tags and custom fields are added to the card's;
 * phones, e-mails and other points the card does not have yet are added after its own, the first of a kind
 * the card had none of becoming its primary one. The limits of the API hold (50 tags, 50 points); a row
 * that would break one is refused.
 * <p>
 * Rows are read a page at a time, ordered by the contact they update, so memory stays flat however many
 * rows a contact gets. Contacts the file itself created are merged the same way; they keep version 0 and
 * are announced as created.
 */
final class CardMerge {

    private static final int PAGE = 2000;
    private static final int MAX_TAGS = 50;
    private static final int MAX_POINTS = 50;
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() { };

    /** Rows that changed a contact, rows that brought nothing new, rows refused. */
    record Result(int updated, int skipped, int rejected) {
        static final Result NONE = new Result(0, 0, 0);
    }

    record Point(String kind, String label, String value, String key, boolean primary) {
    }

    /** The fields of a card an import writes. */
    record Card(String firstName, String middleName, String lastName, LocalDate birthDate, String position,
            boolean vip, String source, String status, List<String> tags, String notes, Map<String, Object> customFields,
            List<Point> points) {
    }

    /** A staged row that updates a card: null fields are cells the row left empty. */
    private record Update(UUID target, int rowNumber, String firstName, String middleName, String lastName,
            LocalDate birthDate, String position, Boolean vip, String source, String status, List<String> tags,
            String notes, Map<String, Object> customFields, List<Point> points, List<String> cells) {
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final ImportWriter.Work work;
    private final Timestamp now;
    private final List<Object[]> cardWrites = new ArrayList<>();
    private final List<Object[]> pointWrites = new ArrayList<>();
    private final List<Object[]> changedWrites = new ArrayList<>();
    private final List<Object[]> rejectionWrites = new ArrayList<>();
    private int updated;
    private int skipped;
    private int rejected;

    CardMerge(JdbcTemplate jdbc, JsonMapper json, ImportWriter.Work work, Instant now) {
        this.jdbc = jdbc;
        this.json = json;
        this.work = work;
        this.now = Timestamp.from(now);
    }

    Result run() {
        UUID target = null;
        Card base = null;
        Card card = null;
        boolean createdHere = false;
        UUID afterTarget = new UUID(Long.MIN_VALUE, Long.MIN_VALUE);
        int afterRow = -1;
        boolean first = true;
        while (true) {
            List<Update> page = page(first, afterTarget, afterRow);
            first = false;
            if (page.isEmpty()) {
                break;
            }
            Map<UUID, Card> cards = cards(page);
            Set<UUID> created = createdHere(cards.keySet());
            for (Update update : page) {
                if (!update.target().equals(target)) {
                    flush(target, base, card, createdHere);
                    target = update.target();
                    base = cards.get(target);
                    card = base;
                    createdHere = created.contains(target);
                }
                if (card == null) {
                    // the contact is gone (it was matched in this transaction, so only a hard delete could do it)
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
                Card merged = merge(card, update);
                if (merged.equals(card)) {
                    skipped++;
                } else {
                    updated++;
                    card = merged;
                }
            }
            Update last = page.getLast();
            afterTarget = last.target();
            afterRow = last.rowNumber();
            write();
            work.progress().check();
        }
        flush(target, base, card, createdHere);
        write();
        return new Result(updated, skipped, rejected);
    }

    private List<Update> page(boolean first, UUID afterTarget, int afterRow) {
        return jdbc.query("""
                select o.target, r.row_no, r.first_name, r.middle_name, r.last_name, r.birth_date, r.position, r.vip,
                    r.source, r.status, r.tags, r.notes, r.custom_fields::text as custom_fields, r.point_kinds,
                    r.point_labels, r.point_values, r.point_keys, r.point_primaries, r.cells
                from import_outcome o join import_row r on r.row_no = o.row_no
                where o.action = 'U' and (? or (o.target, o.row_no) > (?, ?))
                order by o.target, o.row_no limit ?""", this::update, first, afterTarget, afterRow, PAGE);
    }

    /** The current cards of the page's targets (a page's first target may continue from the previous page). */
    private Map<UUID, Card> cards(List<Update> page) {
        UUID[] ids = page.stream().map(Update::target).distinct().toArray(UUID[]::new);
        Map<UUID, List<Point>> points = new HashMap<>();
        jdbc.query("""
                select contact_id, kind, label, value, search_key, is_primary from contact_point
                where contact_id = any(?) and tenant_id = ? order by contact_id, position""", row -> {
            points.computeIfAbsent(row.getObject(1, UUID.class), id -> new ArrayList<>()).add(new Point(
                    row.getString(2), row.getString(3), row.getString(4), row.getString(5), row.getBoolean(6)));
        }, ids, work.tenantId());
        Map<UUID, Card> cards = new HashMap<>();
        jdbc.query("""
                select id, first_name, middle_name, last_name, birth_date, position, vip, source, status, tags, notes,
                    custom_fields::text from contact where id = any(?) and tenant_id = ?""", row -> {
            UUID id = row.getObject(1, UUID.class);
            cards.put(id, new Card(row.getString(2), row.getString(3), row.getString(4), date(row, 5), row.getString(6),
                    row.getBoolean(7), row.getString(8), row.getString(9), strings(row.getArray(10)), row.getString(11),
                    json.readValue(row.getString(12), JSON_OBJECT), List.copyOf(points.getOrDefault(id, List.of()))));
        }, ids, work.tenantId());
        return cards;
    }

    private Set<UUID> createdHere(Set<UUID> ids) {
        return new HashSet<>(jdbc.queryForList("select target from import_outcome where action = 'C' and target = any(?)",
                UUID.class, (Object) ids.toArray(UUID[]::new)));
    }

    /** Why the card cannot take the row, or null. */
    private static String refusal(Card card, Update update) {
        if (update.tags() != null) {
            Set<String> tags = new HashSet<>(card.tags());
            tags.addAll(update.tags());
            if (tags.size() > MAX_TAGS) {
                return "The contact would have more than " + MAX_TAGS + " tags";
            }
        }
        long added = update.points().stream().filter(point -> !has(card.points(), point)).count();
        if (card.points().size() + added > MAX_POINTS) {
            return "The contact would have more than " + MAX_POINTS + " phones, e-mails and other contact points";
        }
        return null;
    }

    static Card merge(Card card, Update row) {
        List<String> tags = new ArrayList<>(card.tags());
        if (row.tags() != null) {
            row.tags().stream().filter(tag -> !tags.contains(tag)).forEach(tags::add);
        }
        Map<String, Object> custom = new LinkedHashMap<>(card.customFields());
        custom.putAll(row.customFields());
        List<Point> points = new ArrayList<>(card.points());
        for (Point point : row.points()) {
            if (!has(points, point)) {
                boolean firstOfKind = points.stream().noneMatch(kept -> kept.kind().equals(point.kind()));
                points.add(new Point(point.kind(), point.label(), point.value(), point.key(), firstOfKind));
            }
        }
        return new Card(or(row.firstName(), card.firstName()), or(row.middleName(), card.middleName()),
                or(row.lastName(), card.lastName()), or(row.birthDate(), card.birthDate()),
                or(row.position(), card.position()), row.vip() != null ? row.vip() : card.vip(),
                or(row.source(), card.source()), or(row.status(), card.status()), List.copyOf(tags),
                or(row.notes(), card.notes()), custom, List.copyOf(points));
    }

    private static boolean has(List<Point> points, Point point) {
        return points.stream().anyMatch(kept -> kept.kind().equals(point.kind()) && kept.key().equals(point.key()));
    }

    private static <T> T or(T given, T kept) {
        return given != null ? given : kept;
    }

    /** Queues the writes of a card the rows changed: the row itself, its added points, and the history's list. */
    private void flush(UUID target, Card base, Card card, boolean createdHere) {
        if (target == null || base == null || Objects.equals(base, card)) {
            return;
        }
        cardWrites.add(new Object[] {card.firstName(), card.middleName(), card.lastName(),
                card.birthDate(), card.position(), card.vip(),
                card.source(), card.status(), card.tags().toArray(String[]::new), card.notes(),
                json.writeValueAsString(card.customFields()), primary(card, "EMAIL"), primary(card, "PHONE"),
                // as Contact.apply: names in list order, so that sorting by it sorts by surname
                SearchText.of(card.lastName(), card.firstName(), card.middleName()), now, createdHere ? 0 : 1,
                target, work.tenantId()});
        for (int position = base.points().size(); position < card.points().size(); position++) {
            Point point = card.points().get(position);
            pointWrites.add(new Object[] {target, position, work.tenantId(), point.kind(), point.label(), point.value(),
                    point.key(), point.primary()});
        }
        changedWrites.add(new Object[] {target, base.points().size(), createdHere});
    }

    private void write() {
        if (!cardWrites.isEmpty()) {
            jdbc.batchUpdate("""
                    update contact set first_name = ?, middle_name = ?, last_name = ?, birth_date = ?, position = ?, vip = ?,
                        source = ?, status = ?, tags = ?, notes = ?, custom_fields = cast(? as jsonb), email = ?, phone = ?,
                        search_name = ?, updated_at = ?, version = version + ?
                    where id = ? and tenant_id = ?""", cardWrites);
            cardWrites.clear();
        }
        if (!pointWrites.isEmpty()) {
            jdbc.batchUpdate("""
                    insert into contact_point (contact_id, position, tenant_id, kind, label, value, search_key, is_primary)
                    values (?, ?, ?, ?, ?, ?, ?, ?)""", pointWrites);
            pointWrites.clear();
        }
        if (!changedWrites.isEmpty()) {
            jdbc.batchUpdate("insert into import_changed (contact_id, first_new_position, created) values (?, ?, ?)",
                    changedWrites);
            changedWrites.clear();
        }
        if (!rejectionWrites.isEmpty()) {
            jdbc.batchUpdate("insert into contact_import_rejection (import_id, row_number, reasons, cells) values (?, ?, ?, ?)",
                    rejectionWrites);
            rejectionWrites.clear();
        }
    }

    private static String primary(Card card, String kind) {
        return card.points().stream().filter(point -> point.kind().equals(kind) && point.primary()).map(Point::value)
                .findFirst().orElse(null);
    }

    private Update update(ResultSet row, int n) throws SQLException {
        String[] kinds = (String[]) row.getArray("point_kinds").getArray();
        String[] labels = (String[]) row.getArray("point_labels").getArray();
        String[] values = (String[]) row.getArray("point_values").getArray();
        String[] keys = (String[]) row.getArray("point_keys").getArray();
        Boolean[] primaries = (Boolean[]) row.getArray("point_primaries").getArray();
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < kinds.length; i++) {
            points.add(new Point(kinds[i], labels[i], values[i], keys[i], primaries[i]));
        }
        String custom = row.getString("custom_fields");
        Object vip = row.getObject("vip");
        Array tags = row.getArray("tags");
        return new Update(row.getObject("target", UUID.class), row.getInt("row_no"), row.getString("first_name"),
                row.getString("middle_name"), row.getString("last_name"), date(row, "birth_date"),
                row.getString("position"), (Boolean) vip, row.getString("source"), row.getString("status"),
                tags == null ? null : strings(tags), row.getString("notes"),
                custom == null ? Map.of() : json.readValue(custom, JSON_OBJECT), points, strings(row.getArray("cells")));
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? null : Arrays.asList((String[]) array.getArray());
    }

    private static LocalDate date(ResultSet row, int column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }

    private static LocalDate date(ResultSet row, String column) throws SQLException {
        return row.getObject(column, LocalDate.class);
    }
}
