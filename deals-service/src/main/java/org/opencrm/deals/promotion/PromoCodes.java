package org.opencrm.deals.promotion;

import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opencrm.deals.access.Access;
import org.opencrm.deals.attribution.Attribution;
import org.opencrm.deals.config.DealsSettings;
import org.opencrm.platform.starter.directory.Visibility;
import org.opencrm.platform.starter.security.TenantContext;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.MergePatch;
import org.opencrm.platform.starter.web.NotFoundException;
import org.opencrm.platform.starter.web.ProblemDetailsAdvice.FieldProblem;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Promo codes (`002_*` 2.1.6): a MARKETER (or an ADMIN) issues and changes them, everyone who works with
 * clients reads them. A code is unique in the company whatever its letter case; its uses are the deals that
 * carry it ({@code promo_code}), counted, not kept, so they are never out of step with the deals.
 */
@Service
public class PromoCodes {

    /** Everything a promo code holds, as a client sends it (create, and what a merge patch applies to). */
    public record State(
            @NotBlank @Size(max = 50) @Pattern(regexp = "^\\s*[\\p{L}\\p{N}_-]+\\s*$",
                    message = "may hold letters, digits, '-' and '_' only") String code,
            @Size(max = 5000) String description, UUID promotionId, Mechanic mechanic,
            @DecimalMin("0.00") @Digits(integer = 17, fraction = 2) BigDecimal value, @Size(max = 3) String currency,
            @Min(1) Integer usageLimit, @NotNull LocalDate startDate, LocalDate endDate, Long version) {
    }

    /**
     * A promo code as the API shows it: {@code used} is the number of deals carrying it, {@code remaining}
     * what its limit leaves (null: no limit).
     */
    public record View(UUID id, String code, String description, UUID promotionId, Mechanic mechanic,
            BigDecimal value, String currency, Integer usageLimit, long used, Long remaining, LocalDate startDate,
            LocalDate endDate, UUID createdBy, Instant createdAt, Instant updatedAt, long version,
            Attribution.Numbers attributed) {
    }

    /** One page of promo codes, latest start first. */
    public record Page(List<View> items, String nextCursor) {
    }

    private final PromoCodeRepository codes;
    private final Promotions promotions;
    private final Access access;
    private final Attribution attribution;
    private final MergePatch mergePatch;
    private final EntityManager entityManager;
    private final NamedParameterJdbcTemplate sql;
    private final DealsSettings settings;

    PromoCodes(PromoCodeRepository codes, Promotions promotions, Access access, Attribution attribution,
            MergePatch mergePatch, EntityManager entityManager, NamedParameterJdbcTemplate sql, DealsSettings settings) {
        this.codes = codes;
        this.promotions = promotions;
        this.access = access;
        this.attribution = attribution;
        this.mergePatch = mergePatch;
        this.entityManager = entityManager;
        this.sql = sql;
        this.settings = settings;
    }

    /** The codes, latest start first; {@code q} finds a part of the code; {@code activeFrom}/{@code activeTo} overlap. */
    @Transactional(readOnly = true)
    public Page list(String q, UUID promotionId, LocalDate activeFrom, LocalDate activeTo, String cursor, int limit) {
        access.visibility();
        int size = Math.clamp(limit <= 0 ? 50 : limit, 1, 200);
        var params = new MapSqlParameterSource("tenant", TenantContext.require()).addValue("limit", size + 1);
        var where = new StringBuilder("tenant_id = :tenant");
        if (q != null && !q.isBlank()) {
            where.append(" and lower(code) like :q escape '\\'");
            params.addValue("q", "%" + q.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        if (promotionId != null) {
            where.append(" and promotion_id = :promotion");
            params.addValue("promotion", promotionId);
        }
        if (activeFrom != null && activeTo != null && activeTo.isBefore(activeFrom)) {
            throw InvalidFieldsException.of("activeTo", "is before activeFrom");
        }
        if (activeTo != null) {
            where.append(" and start_date <= :activeTo");
            params.addValue("activeTo", activeTo);
        }
        if (activeFrom != null) {
            where.append(" and (end_date is null or end_date >= :activeFrom)");
            params.addValue("activeFrom", activeFrom);
        }
        DateCursor after = DateCursor.decode(cursor);
        if (after != null) {
            where.append(" and (start_date, id) < (:afterDate, :afterId)");
            params.addValue("afterDate", after.startDate()).addValue("afterId", after.id());
        }
        List<Row> rows = sql.query("select id, code, description, promotion_id, mechanic, value, currency, usage_limit,"
                + " start_date, end_date, created_by, created_at, updated_at, version from promo_code where " + where
                + " order by start_date desc, id desc limit :limit", params, PromoCodes::row);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            next = new DateCursor(rows.getLast().startDate(), rows.getLast().id()).encode();
        }
        Map<String, Attribution.Numbers> numbers = attribution.byPromoCode(rows.stream().map(Row::code).toList());
        List<View> items = new ArrayList<>();
        for (Row r : rows) {
            items.add(r.view(numbers.getOrDefault(r.code().toLowerCase(Locale.ROOT), Attribution.Numbers.NONE)));
        }
        return new Page(items, next);
    }

    @Transactional(readOnly = true)
    public View get(UUID id) {
        access.visibility();
        return view(find(id));
    }

    @Transactional
    public View create(State state) {
        Visibility visibility = access.requireMarketer();
        Instant now = now();
        PromoCode code = new PromoCode(visibility.user().userId(), now);
        apply(code, state, now);
        entityManager.persist(code);
        flush();
        return view(code);
    }

    /** Applies a JSON merge patch (RFC 7396): fields left out stay, null clears. */
    @Transactional
    public View patch(UUID id, JsonNode patch) {
        access.requireMarketer();
        PromoCode code = find(id);
        State state = mergePatch.apply(new State(code.code(), code.description(), code.promotionId(), code.mechanic(),
                code.value(), code.currency(), code.usageLimit(), code.startDate(), code.endDate(), null), patch,
                State.class);
        if (state.version() != null && state.version() != code.version()) {
            throw new OptimisticLockingFailureException("The promo code was changed by someone else; reload it.");
        }
        apply(code, state, now());
        flush();
        return view(code);
    }

    /** Deletes a code no deal carries; 400 otherwise (end it instead: its numbers stay). */
    @Transactional
    public void delete(UUID id) {
        access.requireMarketer();
        PromoCode code = find(id);
        long used = used(code.code());
        if (used > 0) {
            throw InvalidFieldsException.of("id", "is carried by " + used + " deals; give it an end date instead");
        }
        codes.delete(code);
    }

    private void apply(PromoCode code, State state, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        String currency = Terms.check(state.mechanic(), state.value(), state.currency(), settings.defaultCurrency(),
                problems);
        if (state.mechanic() == null && state.promotionId() == null) {
            problems.add(new FieldProblem("mechanic", "is required unless the code grants a promotion (promotionId)"));
        }
        if (state.promotionId() != null && !promotions.exists(state.promotionId())) {
            problems.add(new FieldProblem("promotionId", "is not a promotion of the company"));
        }
        if (state.endDate() != null && state.endDate().isBefore(state.startDate())) {
            problems.add(new FieldProblem("endDate", "is before startDate"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        code.apply(state.code().strip(), state.description() == null || state.description().isBlank() ? null
                : state.description().strip(), state.promotionId(), state.mechanic(), state.value(), currency,
                state.usageLimit(), state.startDate(), state.endDate(), now);
    }

    /** A second code that differs only in letter case is a 400 on the field, not a conflict of unknown cause. */
    private void flush() {
        try {
            codes.flush();
        } catch (DataIntegrityViolationException e) {
            throw InvalidFieldsException.of("code", "is already a promo code of the company");
        }
    }

    private long used(String code) {
        return attribution.byPromoCode(List.of(code)).getOrDefault(code.toLowerCase(Locale.ROOT),
                Attribution.Numbers.NONE).deals();
    }

    private PromoCode find(UUID id) {
        return codes.findById(id).orElseThrow(() -> new NotFoundException("Promo code", id));
    }

    private View view(PromoCode c) {
        return new Row(c.id(), c.code(), c.description(), c.promotionId(), c.mechanic(), c.value(), c.currency(),
                c.usageLimit(), c.startDate(), c.endDate(), c.createdBy(), c.createdAt(), c.updatedAt(), c.version())
                .view(attribution.byPromoCode(List.of(c.code())).getOrDefault(c.code().toLowerCase(Locale.ROOT),
                        Attribution.Numbers.NONE));
    }

    private record Row(UUID id, String code, String description, UUID promotionId, Mechanic mechanic,
            BigDecimal value, String currency, Integer usageLimit, LocalDate startDate, LocalDate endDate,
            UUID createdBy, Instant createdAt, Instant updatedAt, long version) {

        View view(Attribution.Numbers numbers) {
            return new View(id, code, description, promotionId, mechanic, value, currency, usageLimit,
                    numbers.deals(), usageLimit == null ? null : Math.max(0, usageLimit - numbers.deals()), startDate,
                    endDate, createdBy, createdAt, updatedAt, version, numbers);
        }
    }

    private static Row row(ResultSet row, int n) throws SQLException {
        String mechanic = row.getString("mechanic");
        return new Row(row.getObject("id", UUID.class), row.getString("code"), row.getString("description"),
                row.getObject("promotion_id", UUID.class), mechanic == null ? null : Mechanic.valueOf(mechanic),
                row.getBigDecimal("value"), row.getString("currency"), row.getObject("usage_limit", Integer.class),
                row.getObject("start_date", LocalDate.class), row.getObject("end_date", LocalDate.class),
                row.getObject("created_by", UUID.class), row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant(), row.getLong("version"));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
