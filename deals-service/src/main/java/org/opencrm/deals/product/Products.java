package org.opencrm.deals.product;

import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opencrm.deals.access.Access;
import org.opencrm.deals.config.DealsSettings;
import org.opencrm.deals.money.Currencies;
import org.opencrm.platform.starter.security.CrmUser;
import org.opencrm.platform.starter.security.CurrentUser;
import org.opencrm.platform.starter.security.TenantContext;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.MergePatch;
import org.opencrm.platform.starter.web.NotFoundException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Products and services (`003_*`: name, description, price): everyone who works with clients reads them
 * and puts them on deal lines; an ADMIN or a MARKETER keeps the catalogue. A product on deal lines is
 * deactivated rather than deleted.
 */
@Service
public class Products {

    /** A product as the API shows it. */
    public record View(UUID id, String name, String description, ProductKind kind, String sku, BigDecimal price,
            String currency, boolean active, Instant createdAt, Instant updatedAt, long version) {

        static View of(Product p) {
            return new View(p.id(), p.name(), p.description(), p.kind(), p.sku(), p.price(), p.currency(), p.active(),
                    p.createdAt(), p.updatedAt(), p.version());
        }
    }

    /** Everything a product holds, as a client sends it (create, and what a merge patch applies to). */
    public record State(@NotBlank @Size(max = 200) String name, @Size(max = 5000) String description, ProductKind kind,
            @Size(max = 100) String sku,
            @NotNull @DecimalMin("0.00") @Digits(integer = 17, fraction = 2) BigDecimal price,
            @Size(max = 3) String currency, Boolean active, Long version) {
    }

    /** One page of the catalogue, by name. */
    public record Page(List<View> items, String nextCursor) {
    }

    private final ProductRepository products;
    private final Access access;
    private final MergePatch mergePatch;
    private final EntityManager entityManager;
    private final NamedParameterJdbcTemplate sql;
    private final DealsSettings settings;

    Products(ProductRepository products, Access access, MergePatch mergePatch, EntityManager entityManager,
            NamedParameterJdbcTemplate sql, DealsSettings settings) {
        this.products = products;
        this.access = access;
        this.mergePatch = mergePatch;
        this.entityManager = entityManager;
        this.sql = sql;
        this.settings = settings;
    }

    /** The catalogue by name, a page at a time; {@code q} finds a part of the name or the SKU. */
    @Transactional(readOnly = true)
    public Page list(String q, ProductKind kind, Boolean active, String cursor, int limit) {
        access.visibility();
        int size = Math.clamp(limit <= 0 ? 50 : limit, 1, 200);
        var params = new MapSqlParameterSource("tenant", TenantContext.require()).addValue("limit", size + 1);
        var where = new StringBuilder("tenant_id = :tenant");
        if (q != null && !q.isBlank()) {
            where.append(" and (lower(name) like :q or lower(sku) like :q)");
            params.addValue("q", "%" + q.strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        if (kind != null) {
            where.append(" and kind = :kind");
            params.addValue("kind", kind.name());
        }
        if (active != null) {
            where.append(" and active = :active");
            params.addValue("active", active);
        }
        if (cursor != null && !cursor.isBlank()) {
            String[] after = decode(cursor);
            where.append(" and (lower(name), id) > (:afterName, :afterId)");
            params.addValue("afterName", after[0]).addValue("afterId", UUID.fromString(after[1]));
        }
        List<View> found = sql.query("select id, name, description, kind, sku, price, currency, active, created_at,"
                + " updated_at, version from product where " + where + " order by lower(name), id limit :limit",
                params, Products::row);
        String next = null;
        if (found.size() > size) {
            found = found.subList(0, size);
            View last = found.getLast();
            next = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (last.name().toLowerCase(Locale.ROOT) + "\u0000" + last.id()).getBytes(StandardCharsets.UTF_8));
        }
        return new Page(found, next);
    }

    @Transactional(readOnly = true)
    public View get(UUID id) {
        access.visibility();
        return View.of(find(id));
    }

    @Transactional
    public View create(State state) {
        requireCatalogueKeeper();
        Instant now = now();
        Product product = new Product(now);
        apply(product, state, now);
        entityManager.persist(product);
        flush();
        return View.of(product);
    }

    /** Applies a JSON merge patch (RFC 7396): fields left out stay, null clears. */
    @Transactional
    public View patch(UUID id, JsonNode patch) {
        requireCatalogueKeeper();
        Product product = find(id);
        State state = mergePatch.apply(new State(product.name(), product.description(), product.kind(), product.sku(),
                product.price(), product.currency(), product.active(), null), patch, State.class);
        if (state.version() != null && state.version() != product.version()) {
            throw new OptimisticLockingFailureException("The product was changed by someone else; reload it.");
        }
        apply(product, state, now());
        flush();
        return View.of(product);
    }

    /** Deletes a product no deal line refers to; one that is sold is deactivated instead (400 otherwise). */
    @Transactional
    public void delete(UUID id) {
        requireCatalogueKeeper();
        Product product = find(id);
        Long lines = sql.queryForObject("select count(*) from deal_line where tenant_id = :tenant and product_id = :id",
                new MapSqlParameterSource("tenant", TenantContext.require()).addValue("id", id), Long.class);
        if (lines != null && lines > 0) {
            throw InvalidFieldsException.of("id", "is on " + lines + " deal lines; deactivate the product instead");
        }
        products.delete(product);
    }

    /** What a deal line needs of the products it names: those of the company among {@code ids}, by id. */
    @Transactional(readOnly = true)
    public Map<UUID, View> find(Collection<UUID> ids) {
        Map<UUID, View> found = new HashMap<>();
        products.findAllById(ids).forEach(p -> found.put(p.id(), View.of(p)));
        return found;
    }

    private void apply(Product product, State state, Instant now) {
        String currency = Currencies.code(state.currency(), settings.defaultCurrency(), "currency");
        String sku = state.sku() == null || state.sku().isBlank() ? null : state.sku().strip();
        product.apply(state.name().strip(), state.description() == null || state.description().isBlank() ? null
                : state.description().strip(), state.kind() == null ? ProductKind.PRODUCT : state.kind(), sku,
                state.price(), currency, state.active() == null || state.active(), now);
    }

    /** A second product with the same SKU is a 400 on the field, not a conflict of unknown cause. */
    private void flush() {
        try {
            products.flush();
        } catch (DataIntegrityViolationException e) {
            throw InvalidFieldsException.of("sku", "is the SKU of another product");
        }
    }

    private Product find(UUID id) {
        return products.findById(id).orElseThrow(() -> new NotFoundException("Product", id));
    }

    private void requireCatalogueKeeper() {
        access.visibility();
        CrmUser user = CurrentUser.require();
        if (!user.hasRole("ADMIN") && !user.hasRole("MARKETER")) {
            throw new AccessDeniedException("Only an administrator or a marketer changes products and services.");
        }
    }

    private static String[] decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\u0000", 2);
            UUID.fromString(parts[1]);
            return parts;
        } catch (RuntimeException e) {
            throw InvalidFieldsException.of("cursor", "is not a cursor of this list; start from the first page");
        }
    }

    private static View row(ResultSet row, int n) throws SQLException {
        return new View(row.getObject("id", UUID.class), row.getString("name"), row.getString("description"),
                ProductKind.valueOf(row.getString("kind")), row.getString("sku"), row.getBigDecimal("price"),
                row.getString("currency"), row.getBoolean("active"), row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant(), row.getLong("version"));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
