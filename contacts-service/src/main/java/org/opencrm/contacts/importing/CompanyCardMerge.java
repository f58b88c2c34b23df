package org.opencrm.contacts.importing;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.opencrm.contacts.point.SearchText;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Rows that update a company, brought into its card ({@link CardMerge}). A row that would give the company
 * a tax number another live company has (in the client base, or given to another company earlier in this
 * import) is refused, as the API refuses it.
 */
final class CompanyCardMerge extends CardMerge<CompanyCardMerge.CompanyCard, CompanyCardMerge.CompanyUpdate> {

    /** The fields of a company card an import writes. */
    record CompanyCard(String name, String taxId, String industry, UUID ownerId, List<String> tags, String notes,
            Map<String, Object> customFields, List<Point> points) implements Card {
    }

    /** A staged row that updates a company: null fields are cells the row left empty. */
    record CompanyUpdate(UUID target, int rowNumber, String name, String taxId, String industry, UUID ownerId,
            List<String> tags, String notes, Map<String, Object> customFields, List<Point> points, List<String> cells)
            implements Update {
    }

    private final String taxColumn;
    /** Tax numbers this merge gave a company, and which. */
    private final Map<String, UUID> given = new HashMap<>();
    /** The live companies holding the tax numbers of the current page's rows. */
    private Map<String, UUID> holders = Map.of();

    CompanyCardMerge(JdbcTemplate jdbc, JsonMapper json, ImportWriter.Work<?> work, Instant now, String taxColumn) {
        super(jdbc, json, work, now, "company");
        this.taxColumn = taxColumn;
    }

    @Override
    protected String stagedColumns() {
        return """
                r.name, r.tax_id, r.industry, r.owner_id, r.tags, r.notes, r.custom_fields::text as custom_fields,
                r.point_kinds, r.point_labels, r.point_values, r.point_keys, r.point_primaries, r.cells""";
    }

    @Override
    protected CompanyUpdate update(ResultSet row) throws SQLException {
        String custom = row.getString("custom_fields");
        Array tags = row.getArray("tags");
        return new CompanyUpdate(row.getObject("target", UUID.class), row.getInt("row_no"), row.getString("name"),
                row.getString("tax_id"), row.getString("industry"), row.getObject("owner_id", UUID.class),
                tags == null ? null : strings(tags), row.getString("notes"),
                custom == null ? Map.of() : json.readValue(custom, JSON_OBJECT), stagedPoints(row),
                strings(row.getArray("cells")));
    }

    @Override
    protected Map<UUID, CompanyCard> cards(List<CompanyUpdate> page) {
        UUID[] ids = page.stream().map(CompanyUpdate::target).distinct().toArray(UUID[]::new);
        Map<UUID, List<Point>> points = points(ids);
        Map<UUID, CompanyCard> cards = new HashMap<>();
        jdbc.query("""
                select id, name, tax_id, industry, owner_id, tags, notes, custom_fields::text from company
                where id = any(?) and tenant_id = ? and deleted_at is null""", row -> {
            UUID id = row.getObject(1, UUID.class);
            cards.put(id, new CompanyCard(row.getString(2), row.getString(3), row.getString(4),
                    row.getObject(5, UUID.class), strings(row.getArray(6)), row.getString(7),
                    json.readValue(row.getString(8), JSON_OBJECT), List.copyOf(points.getOrDefault(id, List.of()))));
        }, ids, work.tenantId());
        String[] taxIds = page.stream().map(CompanyUpdate::taxId).filter(Objects::nonNull).distinct()
                .toArray(String[]::new);
        Map<String, UUID> found = new HashMap<>();
        if (taxIds.length > 0) {
            jdbc.query("""
                    select tax_id, id from company where tenant_id = ? and tax_id = any(?) and deleted_at is null
                    order by created_at desc""", row -> {
                found.put(row.getString(1), row.getObject(2, UUID.class));
            }, work.tenantId(), taxIds);
        }
        holders = found;
        return cards;
    }

    @Override
    protected String refusal(CompanyCard card, CompanyUpdate update) {
        String limits = super.refusal(card, update);
        if (limits != null || update.taxId() == null || update.taxId().equals(card.taxId())) {
            return limits;
        }
        UUID holder = given.getOrDefault(update.taxId(), holders.get(update.taxId()));
        if (holder != null && !holder.equals(update.target())) {
            return taxColumn + ": \"" + update.taxId() + "\" belongs to another company in the client base";
        }
        given.put(update.taxId(), update.target());
        return null;
    }

    @Override
    protected CompanyCard merge(CompanyCard card, CompanyUpdate row) {
        return new CompanyCard(or(row.name(), card.name()), or(row.taxId(), card.taxId()),
                or(row.industry(), card.industry()), or(row.ownerId(), card.ownerId()), mergedTags(card, row),
                or(row.notes(), card.notes()), mergedCustomFields(card, row), mergedPoints(card, row));
    }

    @Override
    protected String updateStatement() {
        return """
                update company set name = ?, tax_id = ?, industry = ?, owner_id = ?, tags = ?, notes = ?,
                    custom_fields = cast(? as jsonb), email = ?, phone = ?, search_name = ?, updated_at = ?,
                    version = version + ?
                where id = ? and tenant_id = ?""";
    }

    @Override
    protected Object[] cardWrite(UUID target, CompanyCard card, boolean createdHere) {
        return new Object[] {card.name(), card.taxId(), card.industry(), card.ownerId(),
                card.tags().toArray(String[]::new), card.notes(), json.writeValueAsString(card.customFields()),
                primary(card, "EMAIL"), primary(card, "PHONE"), SearchText.of(card.name()), now, createdHere ? 0 : 1,
                target, work.tenantId()};
    }
}
