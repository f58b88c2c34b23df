package org.opencrm.deals.shop;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.UUID;
import org.opencrm.deals.access.Access;
import org.opencrm.deals.shop.ShopPayloads.Outcome;
import org.opencrm.deals.shop.ShopPayloads.ReturnIn;
import org.opencrm.deals.shop.ShopPayloads.ReturnItemIn;
import org.opencrm.platform.events.deals.ReturnApproved;
import org.opencrm.platform.events.deals.ReturnItem;
import org.opencrm.platform.events.deals.ReturnRejected;
import org.opencrm.platform.events.deals.ReturnRequested;
import org.opencrm.platform.starter.directory.Visibility;
import org.opencrm.platform.starter.events.EventPublisher;
import org.opencrm.platform.starter.security.TenantContext;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.NotFoundException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Returns of goods (`002_*` 2.1.16): requested by the shop for an order the company holds, approved or
 * rejected by a manager who sees the order's deal (or by the shop, telling its own decision). A decided
 * return stays decided: deciding it again the same way changes nothing, the other way is 409.
 */
@Service
class Returns {

    record ItemView(UUID productId, String sku, String name, BigDecimal quantity) {
    }

    record ReturnView(UUID id, UUID dealId, String orderId, String shopReturnId, UUID contactId, String reason,
            String comment, String fileName, String fileUrl, ReturnStatus status, List<ItemView> items, UUID decidedBy,
            Instant decidedAt, String decisionNote, Instant createdAt, long version) {
    }

    private static final String SELECT = """
            select r.id, r.deal_id, d.shop_order_id, r.shop_return_id, d.contact_id, r.reason, r.comment, r.file_name,
                r.file_url, r.status, r.decided_by, r.decided_at, r.decision_note, r.created_at, r.version, d.owner_id
            from deal_return r join deal d on d.id = r.deal_id
            """;

    private final JdbcTemplate jdbc;
    private final EventPublisher events;
    private final Access access;

    Returns(JdbcTemplate jdbc, EventPublisher events, Access access) {
        this.jdbc = jdbc;
        this.events = events;
        this.access = access;
    }

    /** A return the shop sends: stored once by its id; a later call may carry the shop's own decision. */
    @Transactional
    public Outcome fromShop(ReturnIn in) {
        UUID tenant = TenantContext.require();
        List<UUID> deal = jdbc.queryForList("select deal_id from shop_order where tenant_id = ? and shop_order_id = ?",
                UUID.class, tenant, in.orderId());
        if (deal.isEmpty()) {
            throw InvalidFieldsException.of("orderId", "is not an order the company holds");
        }
        List<UUID> known = jdbc.queryForList("""
                select id from deal_return where tenant_id = ? and shop_return_id = ? for update
                """, UUID.class, tenant, in.returnId());
        ReturnStatus wanted = in.status() == null ? ReturnStatus.REQUESTED : in.status();
        if (!known.isEmpty()) {
            ReturnView held = find(known.getFirst()).orElseThrow();
            if (held.status() == wanted || wanted == ReturnStatus.REQUESTED) {
                return Outcome.of(in.returnId(), "UNCHANGED", held.dealId());
            }
            decide(held, wanted, null, null);
            return Outcome.of(in.returnId(), "UPDATED", held.dealId());
        }
        UUID id = UUID.randomUUID();
        Instant now = now();
        jdbc.update("""
                insert into deal_return (id, tenant_id, deal_id, shop_return_id, reason, comment, file_name, file_url,
                    status, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, 'REQUESTED', ?)
                """, id, tenant, deal.getFirst(), in.returnId(), in.reason().strip(), in.comment(), in.fileName(),
                in.fileUrl(), Timestamp.from(now));
        Map<String, Object[]> products = products(tenant, in.items());
        List<ReturnItemIn> items = in.items();
        List<Integer> positions = java.util.stream.IntStream.range(0, items.size()).boxed().toList();
        jdbc.batchUpdate("""
                insert into deal_return_item (return_id, position, tenant_id, product_id, sku, name, quantity)
                values (?, ?, ?, ?, ?, ?, ?)
                """, positions, 500, (s, position) -> {
                    ReturnItemIn item = items.get(position);
                    Object[] product = products.get(item.sku());
                    s.setObject(1, id);
                    s.setInt(2, position);
                    s.setObject(3, tenant);
                    s.setObject(4, product == null ? null : product[0]);
                    s.setString(5, item.sku());
                    s.setString(6, product == null ? item.sku() : (String) product[1]);
                    s.setBigDecimal(7, item.quantity());
                });
        ReturnView stored = find(id).orElseThrow();
        events.publish(new ReturnRequested(stored.id(), stored.dealId(), stored.orderId(), stored.shopReturnId(),
                stored.contactId(), stored.reason(), stored.comment(), items(stored), "REQUESTED", null, now));
        if (wanted != ReturnStatus.REQUESTED) {
            decide(stored, wanted, null, null);
        }
        return Outcome.of(in.returnId(), "CREATED", stored.dealId());
    }

    /** The returns the user sees (those of deals they see), newest first, optionally of one status. */
    @Transactional(readOnly = true)
    public List<ReturnView> list(ReturnStatus status, UUID dealId, int page, int size) {
        Visibility visibility = access.visibility();
        List<Object> args = new ArrayList<>();
        StringBuilder where = new StringBuilder(" where r.tenant_id = ?");
        args.add(TenantContext.require());
        if (status != null) {
            where.append(" and r.status = ?");
            args.add(status.name());
        }
        if (dealId != null) {
            where.append(" and r.deal_id = ?");
            args.add(dealId);
        }
        if (visibility.visibleOwners().isPresent()) {
            where.append(" and (d.owner_id is null or d.owner_id = any(?::uuid[]))");
            args.add(visibility.visibleOwners().get().stream().map(UUID::toString).toArray(String[]::new));
        }
        where.append(" order by r.created_at desc, r.id desc limit ? offset ?");
        args.add(size);
        args.add((long) page * size);
        List<ReturnView> found = jdbc.query(SELECT + where, (row, n) -> view(row, List.of()), args.toArray());
        return withItems(found);
    }

    @Transactional(readOnly = true)
    public ReturnView get(UUID id) {
        return visible(id, access.visibility());
    }

    /** A manager approves or rejects the return; {@code version}, when given, must be the current one. */
    @Transactional
    public ReturnView decide(UUID id, ReturnStatus to, String note, Long version) {
        Visibility visibility = access.visibility();
        ReturnView held = visible(id, visibility);
        if (visibility.readOnly()) {
            throw new AccessDeniedException("Your role reads returns but does not decide them.");
        }
        if (version != null && version != held.version()) {
            throw new OptimisticLockingFailureException("The return was changed by someone else; reload it.");
        }
        if (held.status() == to) {
            return held;
        }
        decide(held, to, visibility.user().userId(), note);
        return find(id).orElseThrow();
    }

    private void decide(ReturnView held, ReturnStatus to, UUID by, String note) {
        if (held.status() != ReturnStatus.REQUESTED) {
            throw new OptimisticLockingFailureException("The return was " + held.status().name().toLowerCase()
                    + " already.");
        }
        Instant now = now();
        int changed = jdbc.update("""
                update deal_return set status = ?, decided_by = ?, decided_at = ?, decision_note = ?, version = version + 1
                where id = ? and version = ?
                """, to.name(), by, Timestamp.from(now), note == null || note.isBlank() ? null : note.strip(), held.id(),
                held.version());
        if (changed == 0) {
            throw new OptimisticLockingFailureException("The return was changed by someone else; reload it.");
        }
        List<ReturnItem> items = items(held);
        events.publish(to == ReturnStatus.APPROVED
                ? new ReturnApproved(held.id(), held.dealId(), held.orderId(), held.shopReturnId(), held.contactId(),
                        held.reason(), held.comment(), items, to.name(), by, now)
                : new ReturnRejected(held.id(), held.dealId(), held.orderId(), held.shopReturnId(), held.contactId(),
                        held.reason(), held.comment(), items, to.name(), by, now));
    }

    private ReturnView visible(UUID id, Visibility visibility) {
        List<Object[]> owner = jdbc.query(SELECT + " where r.id = ? and r.tenant_id = ?", (row, n) -> new Object[] {
                row.getObject("owner_id", UUID.class)}, id, TenantContext.require());
        if (owner.isEmpty() || !visibility.sees((UUID) owner.getFirst()[0])) {
            throw new NotFoundException("Return", id);
        }
        return find(id).orElseThrow();
    }

    private java.util.Optional<ReturnView> find(UUID id) {
        List<ReturnView> found = jdbc.query(SELECT + " where r.id = ? and r.tenant_id = ?", (row, n) -> view(row,
                List.of()), id, TenantContext.require());
        return withItems(found).stream().findFirst();
    }

    private List<ReturnView> withItems(List<ReturnView> returns) {
        if (returns.isEmpty()) {
            return returns;
        }
        Map<UUID, List<ItemView>> items = new HashMap<>();
        jdbc.query(con -> {
            PreparedStatement s = con.prepareStatement("""
                    select return_id, product_id, sku, name, quantity from deal_return_item
                    where return_id = any(?) order by return_id, position
                    """);
            s.setArray(1, con.createArrayOf("uuid", returns.stream().map(ReturnView::id).toArray()));
            return s;
        }, row -> {
            items.computeIfAbsent(row.getObject(1, UUID.class), k -> new ArrayList<>()).add(new ItemView(
                    row.getObject(2, UUID.class), row.getString(3), row.getString(4), row.getBigDecimal(5)));
        });
        return returns.stream().map(r -> new ReturnView(r.id(), r.dealId(), r.orderId(), r.shopReturnId(), r.contactId(),
                r.reason(), r.comment(), r.fileName(), r.fileUrl(), r.status(), items.getOrDefault(r.id(), List.of()),
                r.decidedBy(), r.decidedAt(), r.decisionNote(), r.createdAt(), r.version())).toList();
    }

    private Map<String, Object[]> products(UUID tenant, List<ReturnItemIn> items) {
        Map<String, Object[]> found = new HashMap<>();
        TreeSet<String> skus = new TreeSet<>();
        items.forEach(i -> skus.add(i.sku()));
        jdbc.query(con -> {
            PreparedStatement s = con.prepareStatement("select sku, id, name from product where tenant_id = ? and sku = any(?)");
            s.setObject(1, tenant);
            s.setArray(2, con.createArrayOf("varchar", skus.toArray()));
            return s;
        }, row -> {
            found.put(row.getString(1), new Object[] {row.getObject(2, UUID.class), row.getString(3)});
        });
        return found;
    }

    private static List<ReturnItem> items(ReturnView r) {
        return r.items().stream().map(i -> new ReturnItem(i.productId(), i.sku(), i.name(), i.quantity())).toList();
    }

    private static ReturnView view(ResultSet row, List<ItemView> items) throws SQLException {
        Timestamp decided = row.getTimestamp("decided_at");
        return new ReturnView(row.getObject("id", UUID.class), row.getObject("deal_id", UUID.class),
                row.getString("shop_order_id"), row.getString("shop_return_id"), row.getObject("contact_id", UUID.class),
                row.getString("reason"), row.getString("comment"), row.getString("file_name"), row.getString("file_url"),
                ReturnStatus.valueOf(row.getString("status")), items, row.getObject("decided_by", UUID.class),
                decided == null ? null : decided.toInstant(), row.getString("decision_note"),
                row.getTimestamp("created_at").toInstant(), row.getLong("version"));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
