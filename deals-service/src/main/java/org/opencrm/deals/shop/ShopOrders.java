package org.opencrm.deals.shop;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencrm.deals.card.CardKind;
import org.opencrm.deals.deal.OrderDeals;
import org.opencrm.deals.deal.PaymentStatus;
import org.opencrm.deals.history.StageHistory;
import org.opencrm.deals.numbering.CardNumbers;
import org.opencrm.deals.pipeline.PipelineKind;
import org.opencrm.deals.pipeline.PipelineStage;
import org.opencrm.deals.pipeline.Pipelines;
import org.opencrm.deals.shop.ShopPayloads.LineIn;
import org.opencrm.deals.shop.ShopPayloads.OrderIn;
import org.opencrm.deals.shop.ShopPayloads.Outcome;
import org.opencrm.platform.events.deals.DealCreated;
import org.opencrm.platform.events.deals.OrderLine;
import org.opencrm.platform.events.deals.OrderReceived;
import org.opencrm.platform.events.deals.PaymentReceived;
import org.opencrm.platform.events.deals.ShopCustomer;
import org.opencrm.platform.starter.events.EventPublisher;
import org.opencrm.platform.starter.security.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Shop orders become deals of the company's order funnel (its first deal pipeline), set-wise: a batch of
 * orders costs a fixed number of statements, not a round trip per order or line. An order is claimed by its
 * shop id before its deal is written, so the same order sent twice at once still makes one deal; an order
 * sent again unchanged, or with a lower version than the one held, changes nothing and raises nothing.
 */
@Service
class ShopOrders {

    /** A checked order, ready to store: its currency upper-cased, its lines' total, its content hash. */
    record Checked(OrderIn order, String currency, BigDecimal amount, String hash, long version) {
    }

    /** The smallest request whose deal numbers are reserved before it is stored. */
    static final int RESERVE_FROM = 20;

    private record Held(UUID dealId, long version, String hash) {
    }

    private record Waiting(String paymentId, String orderId, PaymentStatus status, String type, BigDecimal amount,
            String currency, Instant paidAt) {
    }

    private final JdbcTemplate jdbc;
    private final Pipelines pipelines;
    private final StageHistory history;
    private final EventPublisher events;
    private final OrderDeals deals;
    private final ShopCustomers customers;
    private final JsonMapper json;
    private final CardNumbers numbers;
    private final TransactionTemplate transactions;

    ShopOrders(JdbcTemplate jdbc, Pipelines pipelines, StageHistory history, EventPublisher events, OrderDeals deals,
            ShopCustomers customers, JsonMapper json, CardNumbers numbers, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.pipelines = pipelines;
        this.history = history;
        this.events = events;
        this.deals = deals;
        this.customers = customers;
        this.json = json;
        this.numbers = numbers;
        this.transactions = transactions;
    }

    Checked check(OrderIn order, String currency) {
        BigDecimal total = BigDecimal.ZERO;
        for (LineIn line : order.lines()) {
            total = total.add(lineTotal(line));
        }
        byte[] canonical = json.writeValueAsBytes(order);
        return new Checked(order, currency, total.setScale(2, RoundingMode.HALF_UP), sha256(canonical),
                order.version() == null ? 0 : order.version());
    }

    /**
     * Stores the orders in one transaction; the outcome of each, in the order given. The numbers of the deals
     * of new orders are reserved before, in a short transaction of their own ({@link CardNumbers#reserve}).
     */
    public List<Outcome> store(List<Checked> batch) {
        return store(batch, outcomes -> { });
    }

    /**
     * Stores the orders as {@link #store(List)} does and hands their outcomes to {@code alsoInTransaction} before
     * the commit, so that what it writes (a bulk receipt's outcomes) commits with the deals or not at all.
     */
    public List<Outcome> store(List<Checked> batch, java.util.function.Consumer<List<Outcome>> alsoInTransaction) {
        // a request of a few orders takes its numbers inside its own transaction: a reservation would cost it a
        // second commit, more than it waits on the counter
        CardNumbers.Block block = batch.size() < RESERVE_FROM ? new CardNumbers.Block(0, 0)
                : numbers.reserve(CardKind.DEAL, unknown(batch));
        return transactions.execute(status -> {
            List<Outcome> outcomes = store(batch, block);
            alsoInTransaction.accept(outcomes);
            return outcomes;
        });
    }

    /** How many distinct order ids of the batch the company does not hold yet. */
    private int unknown(List<Checked> batch) {
        List<String> ids = batch.stream().map(c -> c.order().orderId()).distinct().toList();
        Integer held = jdbc.query(con -> {
            PreparedStatement s = con.prepareStatement(
                    "select count(*) from shop_order where tenant_id = ? and shop_order_id = any(?)");
            s.setObject(1, TenantContext.require());
            s.setArray(2, con.createArrayOf("varchar", ids.toArray()));
            return s;
        }, rs -> rs.next() ? rs.getInt(1) : 0);
        return ids.size() - (held == null ? 0 : held);
    }

    private List<Outcome> store(List<Checked> batch, CardNumbers.Block block) {
        UUID tenant = TenantContext.require();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // within one request, the highest version of an order id wins (the later one on a tie)
        Map<String, Integer> winner = new HashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            Checked c = batch.get(i);
            Integer seen = winner.get(c.order().orderId());
            if (seen == null || batch.get(seen).version() <= c.version()) {
                winner.put(c.order().orderId(), i);
            }
        }
        Outcome[] outcomes = new Outcome[batch.size()];
        Map<Checked, Integer> at = new java.util.IdentityHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            at.put(batch.get(i), i);
        }
        List<Checked> orders = new ArrayList<>();
        List<Integer> superseded = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (winner.get(batch.get(i).order().orderId()) == i) {
                orders.add(batch.get(i));
            } else {
                superseded.add(i);
            }
        }
        // ids in one order everywhere, so that two batches touching the same rows lock them in the same order
        orders.sort(Comparator.comparing(c -> c.order().orderId()));

        Map<String, ShopCustomers.Row> buyers = customers.upsert(orders.stream()
                .map(c -> c.order().customer()).filter(java.util.Objects::nonNull).toList(), now);
        Map<String, UUID> products = products(tenant, orders, now);

        Map<String, Held> held = held(tenant, orders.stream().map(c -> c.order().orderId()).toList());
        List<Checked> fresh = new ArrayList<>();
        for (Checked c : orders) {
            if (!held.containsKey(c.order().orderId())) {
                fresh.add(c);
            }
        }
        Map<String, UUID> newDeals = new LinkedHashMap<>();
        for (Checked c : fresh) {
            newDeals.put(c.order().orderId(), UUID.randomUUID());
        }
        List<String> claimed = claim(tenant, fresh, newDeals, buyers, now);
        if (claimed.size() < fresh.size()) {
            // another request claimed some of these orders first (and has committed by now): update them instead
            List<String> lost = fresh.stream().map(c -> c.order().orderId()).filter(id -> !claimed.contains(id)).toList();
            held.putAll(held(tenant, lost));
            fresh.removeIf(c -> !claimed.contains(c.order().orderId()));
            lost.forEach(newDeals::remove);
        }

        List<Checked> changed = new ArrayList<>();
        for (Checked c : orders) {
            Held h = held.get(c.order().orderId());
            if (h == null) {
                continue;
            }
            if (c.version() < h.version()) {
                outcomes[at.get(c)] = Outcome.of(c.order().orderId(), "STALE", h.dealId());
            } else if (c.hash().equals(h.hash())) {
                outcomes[at.get(c)] = Outcome.of(c.order().orderId(), "UNCHANGED", h.dealId());
            } else {
                changed.add(c);
            }
        }

        Map<String, Waiting> payments = waitingPayments(tenant, newDeals.keySet());
        PipelineStage stage = fresh.isEmpty() ? null : orderFunnelEntry(tenant);
        Map<String, Long> numbers = fresh.isEmpty() ? Map.of()
                : insertDeals(tenant, fresh, newDeals, buyers, payments, stage, block, now);
        if (!changed.isEmpty()) {
            updateDeals(tenant, changed, held, now);
        }
        Map<String, UUID> dealOf = new HashMap<>(newDeals);
        changed.forEach(c -> dealOf.put(c.order().orderId(), held.get(c.order().orderId()).dealId()));
        List<Checked> written = new ArrayList<>(fresh);
        written.addAll(changed);
        writeLines(tenant, written, dealOf, products);

        for (Checked c : fresh) {
            UUID dealId = newDeals.get(c.order().orderId());
            outcomes[at.get(c)] = Outcome.of(c.order().orderId(), "CREATED", dealId);
        }
        for (Checked c : changed) {
            outcomes[at.get(c)] = Outcome.of(c.order().orderId(), "UPDATED", dealOf.get(c.order().orderId()));
        }
        // a copy the same request (or bulk round) carries again: STALE if a higher version of it came along,
        // else UNCHANGED, with the deal its winning copy has
        for (int i : superseded) {
            Checked c = batch.get(i);
            Checked won = batch.get(winner.get(c.order().orderId()));
            Outcome wonOutcome = outcomes[at.get(won)];
            outcomes[i] = Outcome.of(c.order().orderId(), c.version() < won.version() ? "STALE" : "UNCHANGED",
                    wonOutcome == null ? null : wonOutcome.dealId());
        }
        announce(fresh, changed, dealOf, numbers, buyers, products, payments, stage, now);
        return List.of(outcomes);
    }

    private void announce(List<Checked> fresh, List<Checked> changed, Map<String, UUID> dealOf,
            Map<String, Long> numbers, Map<String, ShopCustomers.Row> buyers, Map<String, UUID> products, Map<String, Waiting> payments,
            PipelineStage stage, Instant now) {
        if (!fresh.isEmpty()) {
            for (Checked c : fresh) {
                UUID dealId = dealOf.get(c.order().orderId());
                Waiting paid = payments.get(c.order().orderId());
                String status = paymentStatus(c, paid).name();
                String type = paymentType(c, paid);
                UUID contact = contactOf(c, buyers);
                long number = numbers.get(c.order().orderId());
                events.publish(new DealCreated(dealId, number, null, c.amount(), c.currency(), contact, name(c), null,
                        null, null, stage.pipelineId(), stage.ref(), "OPEN", status, type, c.order().orderId(), "shop",
                        null, null, null, null, null, now, 0));
                events.publish(received(c, dealId, number, true, contact, status, type, products, now));
                if (paid != null) {
                    events.publish(new PaymentReceived(dealId, c.order().orderId(), paid.paymentId(), paid.status().name(),
                            paid.type(), paid.amount(), paid.currency(), paid.paidAt(), now));
                }
            }
        }
        if (!changed.isEmpty()) {
            Map<UUID, OrderDeals.Summary> summaries = deals.announceUpdated(
                    changed.stream().map(c -> dealOf.get(c.order().orderId())).toList());
            for (Checked c : changed) {
                OrderDeals.Summary deal = summaries.get(dealOf.get(c.order().orderId()));
                events.publish(received(c, deal.id(), deal.number(), false, deal.contactId(), deal.paymentStatus(),
                        deal.paymentType(), products, now));
            }
        }
    }

    private OrderReceived received(Checked c, UUID dealId, long number, boolean first, UUID contact, String status,
            String type, Map<String, UUID> products, Instant now) {
        OrderIn o = c.order();
        ShopCustomer customer = o.customer() == null ? null : new ShopCustomer(o.customer().customerId(),
                o.customer().name(), o.customer().phone(), o.customer().email());
        List<OrderLine> lines = o.lines().stream().map(l -> new OrderLine(products.get(l.sku()), l.sku(), lineName(l),
                l.quantity(), l.unitPrice())).toList();
        return new OrderReceived(dealId, number, o.orderId(), first, customer, contact, c.amount(), c.currency(), status,
                type, lines, c.version(), o.orderedAt(), now);
    }

    /**
     * The first open stage of the company's first deal pipeline (the order funnel), as {@link Pipelines#place}
     * finds it, read with one statement: that lookup cost more than the rest of a one-order request. A company
     * whose funnels are not seeded yet goes through {@code place}, which seeds them.
     */
    private PipelineStage orderFunnelEntry(UUID tenant) {
        List<PipelineStage> found = jdbc.query("""
                select s.id, s.pipeline_id, s.code, s.name, s.position, s.color from stage s
                where s.deleted_at is null and s.outcome = 'OPEN' and s.pipeline_id = (
                    select p.id from pipeline p where p.tenant_id = ? and p.kind = 'DEAL' and p.deleted_at is null
                    order by p.position, p.created_at, p.id limit 1)
                order by s.position, s.id limit 1
                """, (row, n) -> new PipelineStage(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                PipelineKind.DEAL, row.getString(3), row.getString(4), row.getInt(5),
                org.opencrm.deals.pipeline.Outcome.OPEN, row.getString(6)),
                tenant);
        return found.isEmpty() ? pipelines.place(PipelineKind.DEAL, null, null) : found.getFirst();
    }

    /** Claims the new orders' shop ids; the ids this request claimed (the others were claimed concurrently). */
    private List<String> claim(UUID tenant, List<Checked> fresh, Map<String, UUID> newDeals,
            Map<String, ShopCustomers.Row> buyers, Instant now) {
        if (fresh.isEmpty()) {
            return List.of();
        }
        List<String> ids = new ArrayList<>();
        List<UUID> dealIds = new ArrayList<>();
        List<UUID> customerIds = new ArrayList<>();
        List<Long> versions = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        List<Timestamp> orderedAt = new ArrayList<>();
        for (Checked c : fresh) {
            ids.add(c.order().orderId());
            dealIds.add(newDeals.get(c.order().orderId()));
            ShopCustomers.Row buyer = c.order().customer() == null ? null : buyers.get(c.order().customer().customerId());
            customerIds.add(buyer == null ? null : buyer.id());
            versions.add(c.version());
            hashes.add(c.hash());
            orderedAt.add(c.order().orderedAt() == null ? null : Timestamp.from(c.order().orderedAt()));
        }
        return jdbc.query(con -> {
            PreparedStatement s = con.prepareStatement("""
                    insert into shop_order (deal_id, tenant_id, shop_order_id, customer_id, shop_version, payload_hash,
                        ordered_at, received_at, updated_at)
                    select d, ?, o, c, v, h, t, ?, ? from unnest(?::uuid[], ?::varchar[], ?::uuid[], ?::bigint[],
                        ?::varchar[], ?::timestamptz[]) as x(d, o, c, v, h, t)
                    on conflict (tenant_id, shop_order_id) do nothing
                    returning shop_order_id
                    """);
            s.setObject(1, tenant);
            s.setTimestamp(2, Timestamp.from(now));
            s.setTimestamp(3, Timestamp.from(now));
            s.setArray(4, con.createArrayOf("uuid", dealIds.toArray()));
            s.setArray(5, con.createArrayOf("varchar", ids.toArray()));
            s.setArray(6, con.createArrayOf("uuid", customerIds.toArray()));
            s.setArray(7, con.createArrayOf("bigint", versions.toArray()));
            s.setArray(8, con.createArrayOf("varchar", hashes.toArray()));
            s.setArray(9, con.createArrayOf("timestamptz", orderedAt.toArray()));
            return s;
        }, (row, n) -> row.getString(1));
    }

    /** The orders of these shop ids the company holds, locked until this transaction ends. */
    private Map<String, Held> held(UUID tenant, List<String> orderIds) {
        Map<String, Held> held = new HashMap<>();
        if (orderIds.isEmpty()) {
            return held;
        }
        jdbc.query(con -> {
            PreparedStatement s = con.prepareStatement("""
                    select shop_order_id, deal_id, shop_version, payload_hash from shop_order
                    where tenant_id = ? and shop_order_id = any(?) order by shop_order_id for update
                    """);
            s.setObject(1, tenant);
            s.setArray(2, con.createArrayOf("varchar", orderIds.toArray()));
            return s;
        }, row -> {
            held.put(row.getString(1), new Held(row.getObject(2, UUID.class), row.getLong(3), row.getString(4)));
        });
        return held;
    }

    /** Products by the shop's SKU, created (named and priced as the first line that brings them) if new. */
    private Map<String, UUID> products(UUID tenant, List<Checked> orders, Instant now) {
        Map<String, Object[]> first = new java.util.TreeMap<>();
        for (Checked c : orders) {
            for (LineIn line : c.order().lines()) {
                first.putIfAbsent(line.sku(), new Object[] {lineName(line), line.unitPrice(), c.currency()});
            }
        }
        List<String> skus = new ArrayList<>(first.keySet());
        jdbc.batchUpdate("""
                insert into product (id, tenant_id, name, kind, sku, price, currency, active, created_at, updated_at)
                values (?, ?, ?, 'PRODUCT', ?, ?, ?, true, ?, ?)
                on conflict (tenant_id, sku) where sku is not null do nothing
                """, skus, 500, (s, sku) -> {
                    Object[] p = first.get(sku);
                    s.setObject(1, UUID.randomUUID());
                    s.setObject(2, tenant);
                    s.setString(3, (String) p[0]);
                    s.setString(4, sku);
                    s.setBigDecimal(5, ((BigDecimal) p[1]).setScale(2, RoundingMode.HALF_UP));
                    s.setString(6, (String) p[2]);
                    s.setTimestamp(7, Timestamp.from(now));
                    s.setTimestamp(8, Timestamp.from(now));
                });
        Map<String, UUID> ids = new HashMap<>();
        jdbc.query(con -> {
            PreparedStatement s = con.prepareStatement("select sku, id from product where tenant_id = ? and sku = any(?)");
            s.setObject(1, tenant);
            s.setArray(2, con.createArrayOf("varchar", skus.toArray()));
            return s;
        }, row -> {
            ids.put(row.getString(1), row.getObject(2, UUID.class));
        });
        return ids;
    }

    /** Payments that came before their order, the latest of each order (by payment time, then arrival). */
    private Map<String, Waiting> waitingPayments(UUID tenant, Collection<String> orderIds) {
        Map<String, Waiting> latest = new HashMap<>();
        if (orderIds.isEmpty()) {
            return latest;
        }
        List<String> ids = List.copyOf(orderIds);
        jdbc.query(con -> {
            PreparedStatement s = con.prepareStatement("""
                    select shop_payment_id, shop_order_id, status, payment_type, amount, currency, paid_at
                    from shop_payment where tenant_id = ? and shop_order_id = any(?) and applied_at is null
                    order by shop_order_id, paid_at nulls first, received_at, id for update
                    """);
            s.setObject(1, tenant);
            s.setArray(2, con.createArrayOf("varchar", ids.toArray()));
            return s;
        }, row -> {
            Timestamp paid = row.getTimestamp(7);
            latest.put(row.getString(2), new Waiting(row.getString(1), row.getString(2),
                    PaymentStatus.valueOf(row.getString(3)), row.getString(4), row.getBigDecimal(5), row.getString(6),
                    paid == null ? null : paid.toInstant()));
        });
        if (!latest.isEmpty()) {
            jdbc.update(con -> {
                PreparedStatement s = con.prepareStatement("""
                        update shop_payment set applied_at = ? where tenant_id = ? and shop_order_id = any(?)
                            and applied_at is null
                        """);
                s.setTimestamp(1, Timestamp.from(Instant.now()));
                s.setObject(2, tenant);
                s.setArray(3, con.createArrayOf("varchar", latest.keySet().toArray()));
                return s;
            });
        }
        return latest;
    }

    private Map<String, Long> insertDeals(UUID tenant, List<Checked> fresh, Map<String, UUID> newDeals,
            Map<String, ShopCustomers.Row> buyers, Map<String, Waiting> payments, PipelineStage stage,
            CardNumbers.Block block, Instant now) {
        // the reserved block holds every new order (orders only become known, never unknown); were it short,
        // the whole batch takes its numbers from the counter here, held until the commit
        long firstNumber;
        if (block.size() >= fresh.size()) {
            firstNumber = block.first();
        } else {
            Long last = jdbc.queryForObject("""
                    insert into card_number (tenant_id, kind, last) values (?, ?, ?)
                    on conflict (tenant_id, kind) do update set last = card_number.last + excluded.last
                    returning last
                    """, Long.class, tenant, CardKind.DEAL.name(), (long) fresh.size());
            firstNumber = last - fresh.size() + 1;
        }
        Map<String, Long> numbers = new HashMap<>();
        for (int i = 0; i < fresh.size(); i++) {
            numbers.put(fresh.get(i).order().orderId(), firstNumber + i);
        }
        List<UUID> ids = new ArrayList<>();
        jdbc.batchUpdate("""
                insert into deal (id, tenant_id, number, amount, currency, pipeline_id, stage_id, status, contact_id,
                    contact_name, payment_status, payment_type, shop_order_id, source, comment, created_at, updated_at,
                    version)
                values (?, ?, ?, ?, ?, ?, ?, 'OPEN', ?, ?, ?, ?, ?, 'shop', ?, ?, ?, 0)
                """, fresh, 500, (s, c) -> {
                    UUID id = newDeals.get(c.order().orderId());
                    Waiting paid = payments.get(c.order().orderId());
                    s.setObject(1, id);
                    s.setObject(2, tenant);
                    s.setLong(3, numbers.get(c.order().orderId()));
                    s.setBigDecimal(4, c.amount());
                    s.setString(5, c.currency());
                    s.setObject(6, stage.pipelineId());
                    s.setObject(7, stage.id());
                    s.setObject(8, contactOf(c, buyers));
                    s.setString(9, name(c));
                    s.setString(10, paymentStatus(c, paid).name());
                    s.setString(11, paymentType(c, paid));
                    s.setString(12, c.order().orderId());
                    s.setString(13, c.order().comment());
                    s.setTimestamp(14, Timestamp.from(now));
                    s.setTimestamp(15, Timestamp.from(now));
                });
        fresh.forEach(c -> ids.add(newDeals.get(c.order().orderId())));
        history.recordAll(CardKind.DEAL, ids, stage.pipelineId(), null, stage.id(), null, now);
        return numbers;
    }

    private void updateDeals(UUID tenant, List<Checked> changed, Map<String, Held> held, Instant now) {
        jdbc.batchUpdate("""
                update deal set amount = ?, currency = ?, payment_status = coalesce(?, payment_status),
                    payment_type = coalesce(?, payment_type), contact_name = coalesce(?, contact_name),
                    comment = coalesce(?, comment), updated_at = ?, version = version + 1
                where id = ? and tenant_id = ?
                """, changed, 500, (s, c) -> {
                    s.setBigDecimal(1, c.amount());
                    s.setString(2, c.currency());
                    s.setString(3, c.order().paymentStatus() == null ? null : c.order().paymentStatus().name());
                    s.setString(4, c.order().paymentType() == null ? null : c.order().paymentType().name());
                    s.setString(5, name(c));
                    s.setString(6, c.order().comment());
                    s.setTimestamp(7, Timestamp.from(now));
                    s.setObject(8, held.get(c.order().orderId()).dealId());
                    s.setObject(9, tenant);
                });
        jdbc.batchUpdate("""
                update shop_order set shop_version = ?, payload_hash = ?, ordered_at = coalesce(?, ordered_at),
                    updated_at = ?
                where tenant_id = ? and shop_order_id = ?
                """, changed, 500, (s, c) -> {
                    s.setLong(1, c.version());
                    s.setString(2, c.hash());
                    s.setTimestamp(3, c.order().orderedAt() == null ? null : Timestamp.from(c.order().orderedAt()));
                    s.setTimestamp(4, Timestamp.from(now));
                    s.setObject(5, tenant);
                    s.setString(6, c.order().orderId());
                });
        jdbc.update(con -> {
            PreparedStatement s = con.prepareStatement("delete from deal_line where deal_id = any(?)");
            s.setArray(1, con.createArrayOf("uuid", changed.stream().map(c -> held.get(c.order().orderId()).dealId())
                    .toArray()));
            return s;
        });
    }

    private void writeLines(UUID tenant, List<Checked> orders, Map<String, UUID> dealOf, Map<String, UUID> products) {
        record Row(UUID dealId, int position, LineIn line) {
        }
        List<Row> rows = new ArrayList<>();
        for (Checked c : orders) {
            List<LineIn> lines = c.order().lines();
            for (int i = 0; i < lines.size(); i++) {
                rows.add(new Row(dealOf.get(c.order().orderId()), i, lines.get(i)));
            }
        }
        jdbc.batchUpdate("""
                insert into deal_line (id, tenant_id, deal_id, position, product_id, name, quantity, unit_price,
                    discount_percent, line_total)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, rows, 1000, (s, r) -> {
                    s.setObject(1, UUID.randomUUID());
                    s.setObject(2, tenant);
                    s.setObject(3, r.dealId());
                    s.setInt(4, r.position());
                    s.setObject(5, products.get(r.line().sku()));
                    s.setString(6, lineName(r.line()));
                    s.setBigDecimal(7, r.line().quantity());
                    s.setBigDecimal(8, r.line().unitPrice().setScale(2, RoundingMode.HALF_UP));
                    s.setBigDecimal(9, discount(r.line()));
                    s.setBigDecimal(10, lineTotal(r.line()));
                });
    }

    private static UUID contactOf(Checked c, Map<String, ShopCustomers.Row> buyers) {
        if (c.order().customer() == null) {
            return null;
        }
        ShopCustomers.Row buyer = buyers.get(c.order().customer().customerId());
        return buyer == null ? null : buyer.contactId();
    }

    private static String name(Checked c) {
        return c.order().customer() == null || c.order().customer().name() == null
                || c.order().customer().name().isBlank() ? null : c.order().customer().name().strip();
    }

    private static PaymentStatus paymentStatus(Checked c, Waiting paid) {
        if (paid != null) {
            return paid.status();
        }
        return c.order().paymentStatus() == null ? PaymentStatus.NOT_PAID : c.order().paymentStatus();
    }

    private static String paymentType(Checked c, Waiting paid) {
        if (paid != null && paid.type() != null) {
            return paid.type();
        }
        return c.order().paymentType() == null ? null : c.order().paymentType().name();
    }

    static String lineName(LineIn line) {
        return line.name() == null || line.name().isBlank() ? line.sku() : line.name().strip();
    }

    private static BigDecimal discount(LineIn line) {
        return line.discountPercent() == null ? BigDecimal.ZERO : line.discountPercent();
    }

    /** quantity × price − discount, to the cent (as deal lines count it). */
    private static BigDecimal lineTotal(LineIn line) {
        BigDecimal gross = line.quantity().multiply(line.unitPrice());
        BigDecimal off = gross.multiply(discount(line)).divide(BigDecimal.valueOf(100));
        return gross.subtract(off).setScale(2, RoundingMode.HALF_UP);
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
