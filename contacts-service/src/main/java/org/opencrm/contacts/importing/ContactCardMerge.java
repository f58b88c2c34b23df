package org.opencrm.contacts.importing;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencrm.contacts.point.SearchText;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/** Rows that update a contact, brought into its card ({@link CardMerge}). */
final class ContactCardMerge extends CardMerge<ContactCardMerge.ContactCard, ContactCardMerge.ContactUpdate> {

    /** The fields of a contact card an import writes. */
    record ContactCard(String firstName, String middleName, String lastName, LocalDate birthDate, String position,
            boolean vip, String source, String status, List<String> tags, String notes, Map<String, Object> customFields,
            List<Point> points) implements Card {
    }

    /** A staged row that updates a contact: null fields are cells the row left empty. */
    record ContactUpdate(UUID target, int rowNumber, String firstName, String middleName, String lastName,
            LocalDate birthDate, String position, Boolean vip, String source, String status, List<String> tags,
            String notes, Map<String, Object> customFields, List<Point> points, List<String> cells) implements Update {
    }

    ContactCardMerge(JdbcTemplate jdbc, JsonMapper json, ImportWriter.Work<?> work, Instant now) {
        super(jdbc, json, work, now, "contact");
    }

    @Override
    protected String stagedColumns() {
        return """
                r.first_name, r.middle_name, r.last_name, r.birth_date, r.position, r.vip, r.source, r.status, r.tags,
                r.notes, r.custom_fields::text as custom_fields, r.point_kinds, r.point_labels, r.point_values,
                r.point_keys, r.point_primaries, r.cells""";
    }

    @Override
    protected ContactUpdate update(ResultSet row) throws SQLException {
        String custom = row.getString("custom_fields");
        Object vip = row.getObject("vip");
        Array tags = row.getArray("tags");
        return new ContactUpdate(row.getObject("target", UUID.class), row.getInt("row_no"), row.getString("first_name"),
                row.getString("middle_name"), row.getString("last_name"), row.getObject("birth_date", LocalDate.class),
                row.getString("position"), (Boolean) vip, row.getString("source"), row.getString("status"),
                tags == null ? null : strings(tags), row.getString("notes"),
                custom == null ? Map.of() : json.readValue(custom, JSON_OBJECT), stagedPoints(row),
                strings(row.getArray("cells")));
    }

    @Override
    protected Map<UUID, ContactCard> cards(List<ContactUpdate> page) {
        UUID[] ids = page.stream().map(ContactUpdate::target).distinct().toArray(UUID[]::new);
        Map<UUID, List<Point>> points = points(ids);
        Map<UUID, ContactCard> cards = new HashMap<>();
        jdbc.query("""
                select id, first_name, middle_name, last_name, birth_date, position, vip, source, status, tags, notes,
                    custom_fields::text from contact where id = any(?) and tenant_id = ?""", row -> {
            UUID id = row.getObject(1, UUID.class);
            cards.put(id, new ContactCard(row.getString(2), row.getString(3), row.getString(4),
                    row.getObject(5, LocalDate.class), row.getString(6), row.getBoolean(7), row.getString(8),
                    row.getString(9), strings(row.getArray(10)), row.getString(11),
                    json.readValue(row.getString(12), JSON_OBJECT), List.copyOf(points.getOrDefault(id, List.of()))));
        }, ids, work.tenantId());
        return cards;
    }

    @Override
    protected ContactCard merge(ContactCard card, ContactUpdate row) {
        return new ContactCard(or(row.firstName(), card.firstName()), or(row.middleName(), card.middleName()),
                or(row.lastName(), card.lastName()), or(row.birthDate(), card.birthDate()),
                or(row.position(), card.position()), row.vip() != null ? row.vip() : card.vip(),
                or(row.source(), card.source()), or(row.status(), card.status()), mergedTags(card, row),
                or(row.notes(), card.notes()), mergedCustomFields(card, row), mergedPoints(card, row));
    }

    @Override
    protected String updateStatement() {
        return """
                update contact set first_name = ?, middle_name = ?, last_name = ?, birth_date = ?, position = ?, vip = ?,
                    source = ?, status = ?, tags = ?, notes = ?, custom_fields = cast(? as jsonb), email = ?, phone = ?,
                    search_name = ?, updated_at = ?, version = version + ?
                where id = ? and tenant_id = ?""";
    }

    @Override
    protected Object[] cardWrite(UUID target, ContactCard card, boolean createdHere) {
        return new Object[] {card.firstName(), card.middleName(), card.lastName(), card.birthDate(), card.position(),
                card.vip(), card.source(), card.status(), card.tags().toArray(String[]::new), card.notes(),
                json.writeValueAsString(card.customFields()), primary(card, "EMAIL"), primary(card, "PHONE"),
                // as Contact.apply: names in list order, so that sorting by it sorts by surname
                SearchText.of(card.lastName(), card.firstName(), card.middleName()), now, createdHere ? 0 : 1,
                target, work.tenantId()};
    }
}
