package org.opencrm.contacts.contact;

import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.opencrm.platform.starter.directory.Visibility;
import org.opencrm.contacts.settings.Settings;
import org.opencrm.contacts.point.ContactPoints;
import org.opencrm.contacts.point.SearchText;
import org.opencrm.platform.starter.security.TenantContext;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * The contact list and its search box, as one SQL statement per page: names typed with typos or in part
 * (each typed word against the company's dictionary of name words), a phone typed in any format (its E.164
 * form, or the digits inside any stored number), an e-mail or a fragment of one, the name or tax number of a
 * company the person works for; filters; keyset paging on the sort and the id.
 * Every part is backed by an index (V2 and V12 migrations), so a page costs the same at a million contacts.
 * <p>
 * Native SQL, because trigram operators have no JPQL form: the tenant is therefore named explicitly here,
 * the one place in this service that does so for contacts, and covered by the cross-tenant tests.
 */
@Component
public class ContactSearch {

    /** How alike the typed words and words of a name must be (pg_trgm's strict word similarity, 0.5 by default). */
    static final double NAME_SIMILARITY = 0.5;

    /**
     * Below how many matching names (as the planner estimates them) a name search reads them all and sorts
     * them (see {@link #nameWords}): reading them all costs a few milliseconds per thousand.
     */
    static final int FEW_HOLDERS = 10_000;

    /** Up to how many contacts holding a matching phone or e-mail are looked up by id (see {@link #holders}). */
    static final int FEW_POINTS = 2_000;

    /** How many name words one typed word may stand for. */
    static final int WORDS_PER_TYPED_WORD = 50;


    /** Where a typed name breaks into words: as name_words() breaks stored names (V12 migration). */
    private static final Pattern WORD_BREAKS = Pattern.compile("[\\s,.;:/()\"-]+");

    private final NamedParameterJdbcTemplate sql;
    private final JdbcTemplate jdbc;
    private final Settings settings;
    private final JsonMapper json;

    ContactSearch(NamedParameterJdbcTemplate sql, JdbcTemplate jdbc, Settings settings, JsonMapper json) {
        this.json = json;
        this.sql = sql;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    private enum Sort {
        UPDATED("c.updated_at"), CREATED("c.created_at"), NAME("c.search_name"),
        /** What the search keeps is the best match it has ({@link #nameWords}): the most recently changed first. */
        RELEVANCE("c.updated_at");

        final String column;

        Sort(String column) {
            this.column = column;
        }
    }

    @Transactional(readOnly = true)
    public ContactPage page(ContactQuery query, Visibility visibility) {
        var params = new MapSqlParameterSource();
        List<String> branches = matches(query.q(), params);
        Sort sort = sort(query, branches != null);
        boolean descending = sort == Sort.RELEVANCE || (query.sort() == null ? sort != Sort.NAME : query.sort().startsWith("-"));
        int limit = Math.clamp(query.limit() <= 0 ? 50 : query.limit(), 1, 200);

        var where = new StringBuilder(filters(query, visibility, params));
        String sortExpression = sort.column;
        if (query.cursor() != null && !query.cursor().isBlank()) {
            Cursor after = Cursor.decode(query.cursor(), sort);
            where.append(" and (").append(sortExpression).append(", c.id) ").append(descending ? "<" : ">")
                    .append(" (:afterValue, :afterId)");
            params.addValue("afterValue", after.value()).addValue("afterId", after.id());
        }
        String direction = descending ? " desc" : " asc";
        String select = "select c.id, c.first_name, c.middle_name, c.last_name, c.kind, c.status, c.vip, c.owner_id,"
                + " c.email, c.phone, c.tags, c.source, c.created_at, c.updated_at, c.search_name, c.photo_version, "
                + sortExpression + " as sort_value from contact c where " + where;
        String order = " order by sort_value" + direction + ", id" + direction + " limit :limit";
        // one branch per way the search box can match, each on its own index and with its own limit, so that
        // the planner may read a common name in the order of the sort and stop; never a join back to all contacts
        String statement = branches == null ? select + order.replace(" id", " c.id")
                : "select * from (" + String.join(" union ", branches.stream()
                        .map(branch -> "(" + select + " and " + branch + order.replace(" id", " c.id") + ")").toList())
                        + ") found" + order;
        params.addValue("limit", limit + 1);
        List<Row> rows = sql.query(statement, params, this::row);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            Row last = rows.getLast();
            next = new Cursor(last.sortValue(), last.summary().id()).encode(sort);
        }
        return new ContactPage(rows.stream().map(Row::summary).toList(), next);
    }

    /** How many contacts the same filters and search find, for the list's header. */
    @Transactional(readOnly = true)
    public long count(ContactQuery query, Visibility visibility) {
        var params = new MapSqlParameterSource();
        List<String> branches = matches(query.q(), params);
        String where = filters(query, visibility, params);
        String statement;
        if (branches == null) {
            statement = "select count(*) from contact c where " + where;
        } else {
            statement = "select count(*) from (" + String.join(" union ", branches.stream()
                    .map(branch -> "select c.id from contact c where " + where + " and " + branch).toList()) + ") found";
        }
        Long count = sql.queryForObject(statement, params, Long.class);
        return count == null ? 0 : count;
    }

    /**
     * For this transaction only: how alike names must be (a typed word and a name word, and a company's name),
     * and a plan made for the words of this search. A prepared statement's cached generic plan would read
     * every search the way it read the first (in the list's order, say, for a rare name: a second instead of
     * milliseconds); {@link #nameWords} chooses the reading per search.
     */
    private void searchSettings() {
        jdbc.queryForObject("select set_config('pg_trgm.similarity_threshold', ?, true)"
                + " || set_config('pg_trgm.strict_word_similarity_threshold', ?, true)"
                + " || set_config('plan_cache_mode', 'force_custom_plan', true)", String.class,
                String.valueOf(NAME_SIMILARITY), String.valueOf(NAME_SIMILARITY));
    }

    private String filters(ContactQuery query, Visibility visibility, MapSqlParameterSource params) {
        var where = new StringBuilder("c.tenant_id = :tenant and c.deleted_at is null");
        params.addValue("tenant", TenantContext.require());
        visibility.visibleOwners().ifPresent(owners -> {
            where.append(" and (c.owner_id is null or c.owner_id = any(:visibleOwners))");
            params.addValue("visibleOwners", owners.toArray(UUID[]::new));
        });
        if (query.unassigned()) {
            where.append(" and c.owner_id is null");
        } else if (query.owner() != null) {
            where.append(" and c.owner_id = :owner");
            params.addValue("owner", query.owner());
        }
        if (query.tags() != null && !query.tags().isEmpty()) {
            where.append(" and c.tags && cast(:tags as text[])");
            params.addValue("tags", query.tags().toArray(String[]::new));
        }
        if (query.status() != null) {
            where.append(" and c.status = :status");
            params.addValue("status", query.status().name());
        }
        if (query.kind() != null) {
            where.append(" and c.kind = :kind");
            params.addValue("kind", query.kind().name());
        }
        if (query.vip() != null) {
            where.append(" and c.vip = :vip");
            params.addValue("vip", query.vip());
        }
        if (query.source() != null && !query.source().isBlank()) {
            where.append(" and c.source = :source");
            params.addValue("source", query.source().strip());
        }
        if (query.customFields() != null && !query.customFields().isEmpty()) {
            where.append(" and c.custom_fields @> cast(:customFields as jsonb)");
            params.addValue("customFields", json.writeValueAsString(query.customFields()));
        }
        range(where, params, "c.created_at", "created", query.createdFrom(), query.createdTo());
        range(where, params, "c.updated_at", "updated", query.updatedFrom(), query.updatedTo());
        return where.toString();
    }

    private static void range(StringBuilder where, MapSqlParameterSource params, String column, String name,
            Instant from, Instant to) {
        if (from != null) {
            where.append(" and ").append(column).append(" >= :").append(name).append("From");
            params.addValue(name + "From", Timestamp.from(from));
        }
        if (to != null) {
            where.append(" and ").append(column).append(" < :").append(name).append("To");
            params.addValue(name + "To", Timestamp.from(to));
        }
    }

    /**
     * The ways the search box matches, or null without a search. A name matches word by word
     * ({@link #nameWords}: typos, beginnings), the people of a company by the company's name (trigram word
     * similarity); digits match phones; an e-mail or a part of one with '@'
     * or '.' matches e-mails; a tax number matches the people of that company.
     */
    private List<String> matches(String q, MapSqlParameterSource params) {
        if (q == null || q.isBlank()) {
            return null;
        }
        String typed = q.strip();
        String name = SearchText.of(typed);
        params.addValue("name", name);
        List<String> conditions = new ArrayList<>();
        String digits = typed.replaceAll("\\D", "");
        boolean mostlyDigits = digits.length() >= 3 && digits.length() * 2 >= typed.replaceAll("\\s", "").length();
        boolean emailLike = !typed.contains(" ") && (typed.contains("@") || typed.contains("."));
        searchSettings();
        if (!mostlyDigits && name.length() >= 2) {
            nameWords(name, params).ifPresent(conditions::add);
            conditions.add("c.id in (select m.contact_id from company_member m join company co on co.id = m.company_id"
                    + " where co.tenant_id = :tenant and co.deleted_at is null and co.search_name %>> :name)");
        }
        String taxId = typed.replaceAll("[\\s\\-./]", "").toUpperCase(Locale.ROOT);
        if (taxId.matches("[A-Z0-9]*\\d{6,}[A-Z0-9]*") && taxId.length() <= 20 && !emailLike) {
            params.addValue("taxId", taxId);
            conditions.add("c.id in (select m.contact_id from company_member m join company co on co.id = m.company_id"
                    + " where co.tenant_id = :tenant and co.deleted_at is null and co.tax_id = :taxId)");
        }
        if (mostlyDigits) {
            Optional<String> e164 = ContactPoints.phoneKey(typed, settings.defaultRegion());
            // a local number typed with its trunk zero ("067 ...") is stored as "38067...": look for the rest
            String fragment = digits.startsWith("0") ? digits.substring(1) : digits;
            params.addValue("digits", "%" + fragment + "%");
            params.addValue("phone", e164.orElse(fragment));
            conditions.add(holders("phones", "kind = 'PHONE' and (search_key = :phone or search_key like :digits)", params));
        }
        if (emailLike) {
            params.addValue("email", "%" + escapeLike(typed.toLowerCase(Locale.ROOT)) + "%");
            conditions.add(holders("emails", "kind = 'EMAIL' and search_key like :email", params));
        }
        if (conditions.isEmpty()) {
            params.addValue("exact", name);
            conditions.add("c.search_name = :exact");
        }
        return conditions;
    }

    /**
     * The contacts whose phones or e-mails match, as a condition. The matching points are looked up first (the
     * trigram index; a few milliseconds for a number or an address): up to {@value #FEW_POINTS} holders are named
     * by id, so the page is read by primary key. Left to itself the planner guessed thousands of holders for a
     * full address held by one contact, read the whole list in its order probing each contact's points, and took
     * 15 seconds. A fragment that many share ("gmail") is left as a condition read in the list's order, where the
     * page fills at once.
     */
    private String holders(String name, String pointCondition, MapSqlParameterSource params) {
        String points = "select contact_id from contact_point where tenant_id = :tenant and " + pointCondition;
        params.addValue("tenant", TenantContext.require()).addValue("fewPoints", FEW_POINTS + 1);
        List<UUID> ids = sql.queryForList(points + " limit :fewPoints", params, UUID.class);
        if (ids.size() > FEW_POINTS) {
            return "c.id in (" + points + ")";
        }
        params.addValue(name, ids.stream().distinct().toArray(UUID[]::new));
        return "c.id = any(:" + name + ")";
    }

    /**
     * Every typed word must meet a word of the name. The words it may meet come first from the company's
     * dictionary of name words (V12 migration; a few thousand rows, a millisecond): the words it is or
     * begins ("Kova" for Kovalenko) when there are any, otherwise the words like it (trigram similarity,
     * so "Шевчнко" finds the Shevchenkos), at most {@value #WORDS_PER_TYPED_WORD}. Keeping only the best
     * kind of match is what makes them all equally relevant, so that they can come in the order of a plain
     * index; the contacts holding the words come from the GIN index on the words of each name, or, for a
     * word half the company shares, from reading the list in its order until the page is full.
     */
    private Optional<String> nameWords(String name, MapSqlParameterSource params) {
        List<String> typed = Arrays.stream(WORD_BREAKS.split(name)).filter(word -> !word.isEmpty()).limit(5).toList();
        List<String> conditions = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            String word = typed.get(i);
            List<String> found = jdbc.queryForList("""
                    select word from contact_name_word where tenant_id = ? and word like ?
                    order by length(word), word limit ?""", String.class,
                    TenantContext.require(), escapeLike(word) + "%", WORDS_PER_TYPED_WORD);
            if (found.isEmpty()) {
                found = jdbc.queryForList("""
                        select word from contact_name_word where tenant_id = ? and word % ?
                        order by word <-> ?, word limit ?""", String.class,
                        TenantContext.require(), word, word, WORDS_PER_TYPED_WORD);
            }
            if (found.isEmpty()) {
                return Optional.empty(); // this word meets no name: the name branch finds nobody
            }
            params.addValue("words" + i, found.toArray(String[]::new));
            conditions.add("name_keys(c.tenant_id, c.name_words) && name_keys(:tenant, cast(:words" + i + " as text[]))");
        }
        if (conditions.isEmpty()) {
            return Optional.empty();
        }
        String condition = "(" + String.join(" and ", conditions) + ")";
        // Names many contacts share (a first name) are best read in the list's order until the page is full, the
        // others from the words index and then sorted. The planner knows about how many of the company's names
        // hold a word (the index keys words with the company, V18, and keeps statistics of the commonest keys)
        // but prices reading in order too low: it read 10,000 rows in order for 51 where the words index had
        // 6,000. So ask it for its estimate, and below the bound read no index in order.
        params.addValue("tenant", TenantContext.require());
        String plan = sql.queryForObject("explain (format json) select 1 from contact c where c.tenant_id = :tenant"
                + " and c.deleted_at is null and " + condition, params, String.class);
        if (plan != null && json.readTree(plan).path(0).path("Plan").path("Plan Rows").asDouble() < FEW_HOLDERS) {
            jdbc.queryForObject("select set_config('enable_indexscan', 'off', true)", String.class);
        }
        return Optional.of(condition);
    }

    private static String escapeLike(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }

    private static Sort sort(ContactQuery query, boolean searching) {
        if (query.sort() == null || query.sort().isBlank()) {
            return searching ? Sort.RELEVANCE : Sort.UPDATED;
        }
        String name = query.sort().startsWith("-") ? query.sort().substring(1) : query.sort();
        return switch (name) {
            case "updatedAt" -> Sort.UPDATED;
            case "createdAt" -> Sort.CREATED;
            case "name" -> Sort.NAME;
            case "relevance" -> {
                if (!searching) {
                    throw InvalidFieldsException.of("sort", "relevance needs a search (q)");
                }
                yield Sort.RELEVANCE;
            }
            default -> throw InvalidFieldsException.of("sort", "must be updatedAt, createdAt, name or relevance");
        };
    }

    private record Row(ContactSummary summary, Object sortValue) {
    }

    private Row row(ResultSet row, int n) throws SQLException {
        var contact = new ContactSummary(row.getObject("id", UUID.class),
                displayName(row.getString("last_name"), row.getString("first_name"), row.getString("middle_name")),
                ContactKind.valueOf(row.getString("kind")), ContactStatus.valueOf(row.getString("status")),
                row.getBoolean("vip"), row.getObject("owner_id", UUID.class), row.getString("email"),
                row.getString("phone"), tags(row.getArray("tags")), row.getString("source"),
                row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant(),
                row.getString("photo_version"));
        Object sortValue = row.getObject("sort_value");
        return new Row(contact, sortValue instanceof Timestamp at ? at.toInstant() : sortValue);
    }

    private static String displayName(String... parts) {
        return String.join(" ", Arrays.stream(parts).filter(part -> part != null && !part.isBlank()).toList());
    }

    private static List<String> tags(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }

    /** Where a page ended: the sort value and id of its last row, opaque to clients. */
    private record Cursor(Object value, UUID id) {

        String encode(Sort sort) {
            String text = switch (value) {
                case Instant at -> at.toString();
                default -> String.valueOf(value);
            };
            return Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (sort.name() + "|" + text + "|" + id).getBytes(StandardCharsets.UTF_8));
        }

        static Cursor decode(String cursor, Sort sort) {
            try {
                String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|", 3);
                if (parts.length != 3 || !parts[0].equals(sort.name())) {
                    throw new IllegalArgumentException("another sort");
                }
                Object value = switch (sort) {
                    case UPDATED, CREATED, RELEVANCE -> Timestamp.from(Instant.parse(parts[1]));
                    case NAME -> parts[1];
                };
                return new Cursor(value, UUID.fromString(parts[2]));
            } catch (RuntimeException e) {
                throw InvalidFieldsException.of("cursor", "is not a cursor of this list and sort; start from the first page");
            }
        }
    }
}
