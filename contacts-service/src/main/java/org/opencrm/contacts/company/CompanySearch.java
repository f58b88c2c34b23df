package org.opencrm.contacts.company;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opencrm.platform.starter.directory.Visibility;
import org.opencrm.contacts.point.ContactPoints;
import org.opencrm.contacts.point.SearchText;
import org.opencrm.contacts.settings.Settings;
import org.opencrm.platform.starter.security.TenantContext;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The company list and its search box: a name with typos (trigram word similarity), a tax number, a
 * phone in any format, an e-mail; owner, tag and custom-field filters; keyset paging by last change or by name. Native
 * SQL for the trigram operators, so the tenant is named here explicitly.
 */
@Component
public class CompanySearch {

    /** One page of companies and the cursor of the next. */
    public record Page(List<CompanySummary> items, String nextCursor) {
    }

    private final NamedParameterJdbcTemplate sql;
    private final JdbcTemplate jdbc;
    private final Settings settings;
    private final JsonMapper json;

    CompanySearch(NamedParameterJdbcTemplate sql, JdbcTemplate jdbc, Settings settings, JsonMapper json) {
        this.json = json;
        this.sql = sql;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Transactional(readOnly = true)
    public Page page(String q, UUID owner, List<String> tags, Map<String, Object> customFields, String sort,
            String cursor, int limit, Visibility visibility) {
        boolean byName = "name".equals(sort);
        if (sort != null && !byName && !"-updatedAt".equals(sort)) {
            throw InvalidFieldsException.of("sort", "must be -updatedAt or name");
        }
        var params = new MapSqlParameterSource("tenant", TenantContext.require());
        var where = new StringBuilder("co.tenant_id = :tenant and co.deleted_at is null");
        visibility.visibleOwners().ifPresent(owners -> {
            where.append(" and (co.owner_id is null or co.owner_id = any(:visibleOwners))");
            params.addValue("visibleOwners", owners.toArray(UUID[]::new));
        });
        if (owner != null) {
            where.append(" and co.owner_id = :owner");
            params.addValue("owner", owner);
        }
        if (tags != null && !tags.isEmpty()) {
            where.append(" and co.tags && cast(:tags as text[])");
            params.addValue("tags", tags.toArray(String[]::new));
        }
        if (customFields != null && !customFields.isEmpty()) {
            where.append(" and co.custom_fields @> cast(:customFields as jsonb)");
            params.addValue("customFields", json.writeValueAsString(customFields));
        }
        if (q != null && !q.isBlank()) {
            where.append(" and co.id in (").append(matches(q.strip(), params)).append(")");
            jdbc.queryForObject("select set_config('pg_trgm.strict_word_similarity_threshold', '0.5', true)", String.class);
        }
        String column = byName ? "co.search_name" : "co.updated_at";
        String direction = byName ? " asc" : " desc";
        if (cursor != null && !cursor.isBlank()) {
            String[] after = decode(cursor, byName);
            where.append(" and (").append(column).append(", co.id) ").append(byName ? ">" : "<")
                    .append(" (:afterValue, :afterId)");
            params.addValue("afterValue", byName ? after[0] : Timestamp.from(Instant.parse(after[0])));
            params.addValue("afterId", UUID.fromString(after[1]));
        }
        int size = Math.clamp(limit <= 0 ? 50 : limit, 1, 200);
        params.addValue("limit", size + 1);
        List<Object[]> rows = sql.query("""
                select co.id, co.name, co.tax_id, co.industry, co.owner_id, co.phone, co.email, co.tags, co.updated_at,
                       co.search_name,
                       (select count(*) from company_member m where m.company_id = co.id) as members
                from company co""" + " where " + where + " order by " + column + direction + ", co.id" + direction
                + " limit :limit", params, this::row);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            CompanySummary last = (CompanySummary) rows.getLast()[0];
            next = encode(byName ? (String) rows.getLast()[1] : last.updatedAt().toString(), last.id(), byName);
        }
        return new Page(rows.stream().map(row -> (CompanySummary) row[0]).toList(), next);
    }

    private String matches(String typed, MapSqlParameterSource params) {
        List<String> parts = new ArrayList<>();
        String name = SearchText.of(typed);
        params.addValue("name", name);
        parts.add("select id from company where tenant_id = :tenant and search_name %>> :name");
        String taxId = typed.replaceAll("[\\s\\-./]", "").toUpperCase(Locale.ROOT);
        if (taxId.matches("[A-Z0-9]{4,20}")) {
            params.addValue("taxId", taxId + "%");
            parts.add("select id from company where tenant_id = :tenant and tax_id like :taxId");
        }
        String digits = typed.replaceAll("\\D", "");
        if (digits.length() >= 5) {
            String fragment = digits.startsWith("0") ? digits.substring(1) : digits;
            params.addValue("phone", ContactPoints.phoneKey(typed, settings.defaultRegion()).orElse(fragment));
            params.addValue("digits", "%" + fragment + "%");
            parts.add("select company_id from company_point where tenant_id = :tenant and kind = 'PHONE'"
                    + " and (search_key = :phone or search_key like :digits)");
        }
        if (typed.contains("@")) {
            params.addValue("email", "%" + typed.toLowerCase(Locale.ROOT).replace("%", "\\%").replace("_", "\\_") + "%");
            parts.add("select company_id from company_point where tenant_id = :tenant and kind = 'EMAIL'"
                    + " and search_key like :email");
        }
        return String.join(" union ", parts);
    }

    private Object[] row(ResultSet row, int n) throws SQLException {
        var array = row.getArray("tags");
        return new Object[] {new CompanySummary(row.getObject("id", UUID.class), row.getString("name"),
                row.getString("tax_id"), row.getString("industry"), row.getObject("owner_id", UUID.class),
                row.getString("phone"), row.getString("email"),
                array == null ? List.of() : List.of((String[]) array.getArray()), row.getLong("members"),
                row.getTimestamp("updated_at").toInstant()), row.getString("search_name")};
    }

    private static String encode(String value, UUID id, boolean byName) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(
                ((byName ? "N" : "U") + "|" + value + "|" + id).getBytes(StandardCharsets.UTF_8));
    }

    private static String[] decode(String cursor, boolean byName) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 3);
            if (parts.length != 3 || !parts[0].equals(byName ? "N" : "U")) {
                throw new IllegalArgumentException();
            }
            UUID.fromString(parts[2]);
            if (!byName) {
                Instant.parse(parts[1]);
            }
            return new String[] {parts[1], parts[2]};
        } catch (RuntimeException e) {
            throw InvalidFieldsException.of("cursor", "is not a cursor of this list and sort; start from the first page");
        }
    }
}
