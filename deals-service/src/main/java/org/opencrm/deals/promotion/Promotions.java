package org.opencrm.deals.promotion;

import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opencrm.deals.access.Access;
import org.opencrm.deals.attribution.Attribution;
import org.opencrm.deals.config.DealsSettings;
import org.opencrm.deals.product.Products;
import org.opencrm.platform.starter.directory.Visibility;
import org.opencrm.platform.starter.security.TenantContext;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.MergePatch;
import org.opencrm.platform.starter.web.NotFoundException;
import org.opencrm.platform.starter.web.ProblemDetailsAdvice.FieldProblem;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Promotions and discounts (`002_*` 2.1.4-2.1.7): a MARKETER (or an ADMIN) plans and changes them, everyone
 * who works with clients reads them, each with the products it applies to (none: all) and the leads and
 * deals attributed to it ({@code promotion_id}).
 */
@Service
public class Promotions {

    /** Everything a promotion holds, as a client sends it (create, and what a merge patch applies to). */
    public record State(PromotionType type, @NotBlank @Size(max = 200) String name,
            @Size(max = 5000) String description, @NotNull Mechanic mechanic,
            @DecimalMin("0.00") @Digits(integer = 17, fraction = 2) BigDecimal value, @Size(max = 3) String currency,
            @NotNull LocalDate startDate, LocalDate endDate, @Size(max = 500) List<@NotNull UUID> productIds,
            Long version) {
    }

    /** A promotion as the API shows it. */
    public record View(UUID id, PromotionType type, String name, String description, Mechanic mechanic,
            BigDecimal value, String currency, LocalDate startDate, LocalDate endDate, List<UUID> productIds,
            UUID createdBy, Instant createdAt, Instant updatedAt, long version, Attribution.Numbers attributed) {
    }

    /** One page of promotions, latest start first. */
    public record Page(List<View> items, String nextCursor) {
    }

    private final PromotionRepository promotions;
    private final Access access;
    private final Products products;
    private final Attribution attribution;
    private final MergePatch mergePatch;
    private final EntityManager entityManager;
    private final NamedParameterJdbcTemplate sql;
    private final DealsSettings settings;

    Promotions(PromotionRepository promotions, Access access, Products products, Attribution attribution,
            MergePatch mergePatch, EntityManager entityManager, NamedParameterJdbcTemplate sql, DealsSettings settings) {
        this.promotions = promotions;
        this.access = access;
        this.products = products;
        this.attribution = attribution;
        this.mergePatch = mergePatch;
        this.entityManager = entityManager;
        this.sql = sql;
        this.settings = settings;
    }

    /** The promotions, latest start first; {@code activeFrom}/{@code activeTo}: those overlapping the dates. */
    @Transactional(readOnly = true)
    public Page list(PromotionType type, String q, UUID productId, LocalDate activeFrom, LocalDate activeTo,
            String cursor, int limit) {
        access.visibility();
        int size = Math.clamp(limit <= 0 ? 50 : limit, 1, 200);
        var params = new MapSqlParameterSource("tenant", TenantContext.require()).addValue("limit", size + 1);
        var where = new StringBuilder("p.tenant_id = :tenant");
        if (type != null) {
            where.append(" and p.type = :type");
            params.addValue("type", type.name());
        }
        if (q != null && !q.isBlank()) {
            where.append(" and lower(p.name) like :q escape '\\'");
            params.addValue("q", "%" + q.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        if (productId != null) {
            where.append(" and exists (select 1 from promotion_product pp where pp.promotion_id = p.id"
                    + " and pp.product_id = :product)");
            params.addValue("product", productId);
        }
        if (activeFrom != null && activeTo != null && activeTo.isBefore(activeFrom)) {
            throw InvalidFieldsException.of("activeTo", "is before activeFrom");
        }
        if (activeTo != null) {
            where.append(" and p.start_date <= :activeTo");
            params.addValue("activeTo", activeTo);
        }
        if (activeFrom != null) {
            where.append(" and (p.end_date is null or p.end_date >= :activeFrom)");
            params.addValue("activeFrom", activeFrom);
        }
        DateCursor after = DateCursor.decode(cursor);
        if (after != null) {
            where.append(" and (p.start_date, p.id) < (:afterDate, :afterId)");
            params.addValue("afterDate", after.startDate()).addValue("afterId", after.id());
        }
        List<Row> rows = sql.query("select p.id, p.type, p.name, p.description, p.mechanic, p.value, p.currency,"
                + " p.start_date, p.end_date, p.created_by, p.created_at, p.updated_at, p.version from promotion p where "
                + where + " order by p.start_date desc, p.id desc limit :limit", params, Promotions::row);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            next = new DateCursor(rows.getLast().startDate(), rows.getLast().id()).encode();
        }
        List<UUID> ids = rows.stream().map(Row::id).toList();
        Map<UUID, List<UUID>> productsOf = productsOf(ids);
        Map<UUID, Attribution.Numbers> numbers = attribution.byPromotion(ids);
        List<View> items = new ArrayList<>();
        for (Row r : rows) {
            items.add(r.view(productsOf.getOrDefault(r.id(), List.of()),
                    numbers.getOrDefault(r.id(), Attribution.Numbers.NONE)));
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
        Promotion promotion = new Promotion(visibility.user().userId(), now);
        List<UUID> productIds = apply(promotion, state, now);
        entityManager.persist(promotion);
        promotions.flush();
        replaceProducts(promotion.id(), productIds);
        return view(promotion);
    }

    /** Applies a JSON merge patch (RFC 7396): fields left out stay, null clears ({@code productIds}: all products). */
    @Transactional
    public View patch(UUID id, JsonNode patch) {
        access.requireMarketer();
        Promotion promotion = find(id);
        List<UUID> before = productsOf(List.of(id)).getOrDefault(id, List.of());
        State state = mergePatch.apply(new State(promotion.type(), promotion.name(), promotion.description(),
                promotion.mechanic(), promotion.value(), promotion.currency(), promotion.startDate(),
                promotion.endDate(), before, null), patch, State.class);
        if (state.version() != null && state.version() != promotion.version()) {
            throw new OptimisticLockingFailureException("The promotion was changed by someone else; reload it.");
        }
        Instant now = now();
        List<UUID> productIds = apply(promotion, state, now);
        if (!new HashSet<>(productIds).equals(new HashSet<>(before))) {
            promotion.touch(now);
            replaceProducts(id, productIds);
        }
        promotions.flush();
        return view(promotion);
    }

    /** Deletes a promotion no lead, deal or promo code names; 400 otherwise (end it instead: its numbers stay). */
    @Transactional
    public void delete(UUID id) {
        access.requireMarketer();
        Promotion promotion = find(id);
        Attribution.Numbers numbers = attribution.byPromotion(List.of(id)).getOrDefault(id, Attribution.Numbers.NONE);
        Long codes = sql.queryForObject("select count(*) from promo_code where tenant_id = :tenant and promotion_id = :id",
                new MapSqlParameterSource("tenant", TenantContext.require()).addValue("id", id), Long.class);
        if (numbers.leads() > 0 || numbers.deals() > 0 || (codes != null && codes > 0)) {
            throw InvalidFieldsException.of("id", "is named by " + numbers.leads() + " leads, " + numbers.deals()
                    + " deals and " + codes + " promo codes; give it an end date instead");
        }
        promotions.delete(promotion);
    }

    /** Whether the company has this promotion (for promo codes that grant one). */
    boolean exists(UUID id) {
        return promotions.existsById(id);
    }

    private List<UUID> apply(Promotion promotion, State state, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        String currency = Terms.check(state.mechanic(), state.value(), state.currency(), settings.defaultCurrency(),
                problems);
        if (state.endDate() != null && state.endDate().isBefore(state.startDate())) {
            problems.add(new FieldProblem("endDate", "is before startDate"));
        }
        List<UUID> productIds = state.productIds() == null ? List.of() : state.productIds().stream().distinct().toList();
        var found = products.find(productIds);
        for (int i = 0; i < productIds.size(); i++) {
            if (!found.containsKey(productIds.get(i))) {
                problems.add(new FieldProblem("productIds[" + i + "]", "is not a product or service of the company"));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        promotion.apply(state.type() == null ? PromotionType.PROMOTION : state.type(), state.name().strip(),
                state.description() == null || state.description().isBlank() ? null : state.description().strip(),
                state.mechanic(), state.value(), currency, state.startDate(), state.endDate(), now);
        return productIds;
    }

    private void replaceProducts(UUID promotionId, List<UUID> productIds) {
        var params = new MapSqlParameterSource("tenant", TenantContext.require()).addValue("id", promotionId);
        sql.update("delete from promotion_product where tenant_id = :tenant and promotion_id = :id", params);
        if (!productIds.isEmpty()) {
            sql.update("insert into promotion_product (promotion_id, product_id, tenant_id)"
                    + " select :id, unnest(cast(:products as uuid[])), :tenant", params.addValue("products", productIds.toArray(UUID[]::new)));
        }
    }

    /** The products of each promotion, in the order of their ids (one query for any number of promotions). */
    Map<UUID, List<UUID>> productsOf(Collection<UUID> promotionIds) {
        Map<UUID, List<UUID>> found = new HashMap<>();
        if (promotionIds.isEmpty()) {
            return found;
        }
        sql.query("select promotion_id, product_id from promotion_product where tenant_id = :tenant"
                + " and promotion_id = any(:ids) order by promotion_id, product_id",
                new MapSqlParameterSource("tenant", TenantContext.require())
                        .addValue("ids", promotionIds.toArray(UUID[]::new)),
                (ResultSet row) -> {
                    found.computeIfAbsent(row.getObject("promotion_id", UUID.class), k -> new ArrayList<>())
                            .add(row.getObject("product_id", UUID.class));
                });
        return found;
    }

    private Promotion find(UUID id) {
        return promotions.findById(id).orElseThrow(() -> new NotFoundException("Promotion", id));
    }

    private View view(Promotion p) {
        return new Row(p.id(), p.type(), p.name(), p.description(), p.mechanic(), p.value(), p.currency(),
                p.startDate(), p.endDate(), p.createdBy(), p.createdAt(), p.updatedAt(), p.version())
                .view(productsOf(List.of(p.id())).getOrDefault(p.id(), List.of()),
                        attribution.byPromotion(List.of(p.id())).getOrDefault(p.id(), Attribution.Numbers.NONE));
    }

    private record Row(UUID id, PromotionType type, String name, String description, Mechanic mechanic,
            BigDecimal value, String currency, LocalDate startDate, LocalDate endDate, UUID createdBy,
            Instant createdAt, Instant updatedAt, long version) {

        View view(List<UUID> productIds, Attribution.Numbers numbers) {
            return new View(id, type, name, description, mechanic, value, currency, startDate, endDate, productIds,
                    createdBy, createdAt, updatedAt, version, numbers);
        }
    }

    private static Row row(ResultSet row, int n) throws SQLException {
        return new Row(row.getObject("id", UUID.class), PromotionType.valueOf(row.getString("type")),
                row.getString("name"), row.getString("description"), Mechanic.valueOf(row.getString("mechanic")),
                row.getBigDecimal("value"), row.getString("currency"), row.getObject("start_date", LocalDate.class),
                row.getObject("end_date", LocalDate.class), row.getObject("created_by", UUID.class),
                row.getTimestamp("created_at").toInstant(), row.getTimestamp("updated_at").toInstant(),
                row.getLong("version"));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
