package org.opencrm.deals.shop;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.opencrm.deals.money.Currencies;
import org.opencrm.deals.shop.ShopPayloads.OrderIn;
import org.opencrm.deals.shop.ShopPayloads.Outcome;
import org.opencrm.platform.starter.events.DeadLetters;
import org.opencrm.platform.starter.security.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Bulk order feeds: the shop's request is stored as received in one row (answered 202 as soon as that row is
 * committed) and turned into deals behind it, so a shop pushing thousands of orders a second waits for one
 * insert, not for its orders' deals, lines and events.
 * <p>
 * One worker thread per instance takes the oldest open receipts of one company at a time (up to
 * {@code crm.deals.shop.intake.receipts-per-round}), merges their orders into one set-wise
 * {@link ShopOrders#store} and marks the receipts DONE with each order's outcome in the transaction that writes
 * the deals: a receipt is done exactly when its orders are stored. The rows are claimed with
 * {@code for update skip locked}, so several instances share the work; a receipt claimed by an instance that
 * died is taken again once its claim is older than {@code stale-after} (storing an order is idempotent by the
 * shop's order id and version, so the second pass changes nothing already stored). A receipt whose orders
 * cannot be stored is tried alone, again after a growing pause (5 s, 10 s, ... up to 10 minutes), and after
 * {@value #MAX_ATTEMPTS} attempts, about half an hour, is marked FAILED with its error, kept for an operator; a
 * failure of the database rather than of the receipt (it is away, a lock timed out) does not count as an attempt.
 * Every write of a receipt's outcome checks that this instance still holds its claim.
 * Within one instance a company's receipts are stored in the order they came, but for one waiting to be tried
 * again.
 */
@Component
class ShopIntake implements SmartLifecycle {

    private static final Logger log = LoggerFactory.getLogger(ShopIntake.class);
    private static final int MAX_ATTEMPTS = 10;
    private static final TypeReference<List<Outcome>> OUTCOMES = new TypeReference<>() {
    };

    /** What the shop reads back: the receipt's state and, once DONE, every item's outcome in the order sent. */
    record Receipt(UUID receiptId, String status, int accepted, int rejected, Instant receivedAt, Instant doneAt,
            List<Outcome> results) {
    }

    /** A receipt this instance holds: its claim is the {@code claimed_at} it set, which no other claim matches. */
    private record Claimed(long seq, UUID id, UUID tenant, byte[] body, List<Outcome> rejected, Timestamp claimedAt) {
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final ShopOrders orders;
    private final int receiptsPerRound;
    private final Duration poll;
    private final Duration staleAfter;
    private final Duration keepDone;
    private final AtomicBoolean wakeUpQueued = new AtomicBoolean();
    private volatile ScheduledExecutorService worker;
    private volatile Instant nextPurge = Instant.EPOCH;

    ShopIntake(JdbcTemplate jdbc, JsonMapper json, ShopOrders orders, MeterRegistry meters,
            @Value("${crm.deals.shop.intake.receipts-per-round:10}") int receiptsPerRound,
            @Value("${crm.deals.shop.intake.poll:250ms}") Duration poll,
            @Value("${crm.deals.shop.intake.stale-after:2m}") Duration staleAfter,
            @Value("${crm.deals.shop.intake.keep-done:7d}") Duration keepDone) {
        this.jdbc = jdbc;
        this.json = json;
        this.orders = orders;
        this.receiptsPerRound = receiptsPerRound;
        this.poll = poll;
        this.staleAfter = staleAfter;
        this.keepDone = keepDone;
        Gauge.builder("crm.shop.intake.open", this, ShopIntake::openReceipts)
                .description("Bulk shop requests received but not yet stored as deals").register(meters);
    }

    private double openReceipts() {
        Long open = jdbc.queryForObject("select count(*) from shop_intake where state in ('PENDING', 'PROCESSING')",
                Long.class);
        return open == null ? 0 : open;
    }

    /** Keeps the request for the worker (committed on return) and answers its receipt. */
    Receipt accept(byte[] body, int items, List<Outcome> rejected) {
        UUID id = UUID.randomUUID();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        boolean nothingToStore = rejected.size() == items;
        String rejectedJson = json.writeValueAsString(rejected);
        jdbc.update("""
                insert into shop_intake (id, tenant_id, body, items, rejected, state, outcomes, received_at, done_at)
                values (?, ?, ?, ?, ?::jsonb, ?, ?::jsonb, ?, ?)""",
                id, TenantContext.require(), body, items, rejectedJson, nothingToStore ? "DONE" : "PENDING",
                nothingToStore ? rejectedJson : null, Timestamp.from(now), nothingToStore ? Timestamp.from(now) : null);
        if (!nothingToStore) {
            wakeUp();
        }
        return new Receipt(id, nothingToStore ? "DONE" : "PENDING", items - rejected.size(), rejected.size(), now,
                nothingToStore ? now : null, rejected);
    }

    /** The current company's receipt; empty for an unknown id or another company's. */
    Optional<Receipt> receipt(UUID id) {
        return jdbc.query("""
                select items, rejected, state, outcomes, received_at, done_at from shop_intake
                where tenant_id = ? and id = ?""", rs -> {
            if (!rs.next()) {
                return Optional.empty();
            }
            List<Outcome> rejected = json.readValue(rs.getString("rejected"), OUTCOMES);
            String outcomes = rs.getString("outcomes");
            String state = rs.getString("state");
            Timestamp done = rs.getTimestamp("done_at");
            return Optional.of(new Receipt(id, state, rs.getInt("items") - rejected.size(), rejected.size(),
                    rs.getTimestamp("received_at").toInstant(), done == null ? null : done.toInstant(),
                    outcomes == null ? rejected : json.readValue(outcomes, OUTCOMES)));
        }, TenantContext.require(), id);
    }

    /** Asks the worker to look now rather than at its next poll. */
    void wakeUp() {
        ScheduledExecutorService running = worker;
        if (running != null && wakeUpQueued.compareAndSet(false, true)) {
            try {
                running.execute(() -> {
                    wakeUpQueued.set(false);
                    drain();
                });
            } catch (RejectedExecutionException stopping) {
                // the instance is stopping: the receipt is kept, and another instance or the next start stores it
                wakeUpQueued.set(false);
            }
        }
    }

    /** Stores every open receipt there is. Runs on the worker thread. */
    void drain() {
        try {
            List<Claimed> round;
            while (worker != null && !(round = claim()).isEmpty()) {
                store(round);
            }
            purgeOld();
        } catch (RuntimeException e) {
            // the database is away or the like: the receipts stay open and the next poll tries again
            log.warn("Shop intake could not take its receipts: {}", e.toString());
        }
    }

    private List<Claimed> claim() {
        double stale = staleAfter.toMillis() / 1000.0;
        List<Claimed> claimed = jdbc.query(con -> {
            PreparedStatement s = con.prepareStatement("""
                    with first as (
                        select tenant_id from shop_intake
                        where (state = 'PENDING' and (retry_at is null or retry_at <= now()))
                           or (state = 'PROCESSING' and claimed_at < now() - make_interval(secs => ?))
                        order by seq limit 1 for update skip locked),
                    next as (
                        select seq from shop_intake
                        where tenant_id = (select tenant_id from first)
                          and ((state = 'PENDING' and (retry_at is null or retry_at <= now()))
                               or (state = 'PROCESSING' and claimed_at < now() - make_interval(secs => ?)))
                        order by seq limit ? for update skip locked)
                    update shop_intake i set state = 'PROCESSING', claimed_at = now(), attempts = attempts + 1
                    from next where i.seq = next.seq
                    returning i.seq, i.id, i.tenant_id, i.body, i.rejected, i.claimed_at""");
            s.setDouble(1, stale);
            s.setDouble(2, stale);
            s.setInt(3, receiptsPerRound);
            return s;
        }, (rs, n) -> new Claimed(rs.getLong("seq"), rs.getObject("id", UUID.class),
                rs.getObject("tenant_id", UUID.class), rs.getBytes("body"),
                json.readValue(rs.getString("rejected"), OUTCOMES), rs.getTimestamp("claimed_at")));
        return claimed.stream().sorted(Comparator.comparingLong(Claimed::seq)).toList();
    }

    /** Stores a round's receipts together; if that fails, each alone, so that one bad receipt holds up no other. */
    private void store(List<Claimed> round) {
        try {
            storeTogether(round);
        } catch (RuntimeException together) {
            if (round.size() == 1) {
                giveBack(round.getFirst(), together);
                return;
            }
            for (Claimed receipt : round) {
                // the round may have taken a while: the claim is renewed, so that no other instance takes it as stale
                Optional<Claimed> renewed = renew(receipt);
                if (renewed.isEmpty()) {
                    continue;
                }
                try {
                    storeTogether(List.of(renewed.get()));
                } catch (RuntimeException alone) {
                    giveBack(renewed.get(), alone);
                }
            }
        }
    }

    private void storeTogether(List<Claimed> round) {
        List<ShopOrders.Checked> batch = new ArrayList<>();
        List<int[]> origin = new ArrayList<>(); // for each order of the batch: its receipt's place in the round, its index
        List<Outcome[]> results = new ArrayList<>();
        for (int r = 0; r < round.size(); r++) {
            Claimed receipt = round.get(r);
            JsonNode items = json.readTree(receipt.body());
            Outcome[] outcomes = new Outcome[items.size()];
            Set<Integer> refused = new HashSet<>();
            for (Outcome o : receipt.rejected()) {
                outcomes[o.index()] = o;
                refused.add(o.index());
            }
            for (int i = 0; i < items.size(); i++) {
                if (!refused.contains(i)) {
                    OrderIn order = json.treeToValue(items.get(i), OrderIn.class);
                    batch.add(orders.check(order, Currencies.code(order.currency(), null, "[" + i + "].currency")));
                    origin.add(new int[] {r, i});
                }
            }
            results.add(outcomes);
        }
        TenantContext.runAs(round.getFirst().tenant(), () -> orders.store(batch, stored -> {
            for (int k = 0; k < stored.size(); k++) {
                int[] at = origin.get(k);
                results.get(at[0])[at[1]] = stored.get(k).at(at[1]);
            }
            List<Object[]> done = new ArrayList<>();
            for (int r = 0; r < round.size(); r++) {
                done.add(new Object[] {json.writeValueAsString(List.of(results.get(r))), round.get(r).seq(),
                        round.get(r).claimedAt()});
            }
            int[] marked = jdbc.batchUpdate("""
                    update shop_intake set state = 'DONE', outcomes = ?::jsonb, done_at = now(), error = null
                    where seq = ? and state = 'PROCESSING' and claimed_at = ?""", done);
            for (int count : marked) {
                if (count == 0) {
                    // another instance took the receipt as stale meanwhile: its deals are rolled back here
                    throw new IllegalStateException("A receipt of the round was claimed by another instance");
                }
            }
        }));
    }

    private Optional<Claimed> renew(Claimed receipt) {
        List<Timestamp> renewed = jdbc.queryForList("""
                update shop_intake set claimed_at = now() where seq = ? and state = 'PROCESSING' and claimed_at = ?
                returning claimed_at""", Timestamp.class, receipt.seq(), receipt.claimedAt());
        return renewed.stream().findFirst().map(at -> new Claimed(receipt.seq(), receipt.id(), receipt.tenant(),
                receipt.body(), receipt.rejected(), at));
    }

    private void giveBack(Claimed receipt, RuntimeException e) {
        log.warn("Shop receipt {} could not be stored: {}", receipt.id(), e.toString());
        if (DeadLetters.isTransient(e)) {
            // the database was away or busy: says nothing of the receipt, so the attempt does not count
            jdbc.update("""
                    update shop_intake set state = 'PENDING', claimed_at = null, attempts = attempts - 1, error = ?,
                        retry_at = now() + interval '5 seconds'
                    where seq = ? and state = 'PROCESSING' and claimed_at = ?""",
                    String.valueOf(e.getMessage()), receipt.seq(), receipt.claimedAt());
            return;
        }
        jdbc.update("""
                update shop_intake set state = case when attempts >= ? then 'FAILED' else 'PENDING' end,
                    claimed_at = null, error = ?, done_at = case when attempts >= ? then now() end,
                    retry_at = now() + least(interval '10 minutes', interval '5 seconds' * power(2, attempts - 1))
                where seq = ? and state = 'PROCESSING' and claimed_at = ?""", MAX_ATTEMPTS,
                String.valueOf(e.getMessage()), MAX_ATTEMPTS, receipt.seq(), receipt.claimedAt());
    }

    private void purgeOld() {
        Instant now = Instant.now();
        if (now.isBefore(nextPurge)) {
            return;
        }
        nextPurge = now.plus(Duration.ofHours(1));
        // FAILED receipts stay for an operator: their bodies are the only copy of their orders
        int purged = jdbc.update("delete from shop_intake where state = 'DONE' and done_at < ?",
                Timestamp.from(now.minus(keepDone)));
        if (purged > 0) {
            log.info("Shop intake: {} receipts older than {} deleted", purged, keepDone);
        }
    }

    @Override
    public void start() {
        ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(
                Thread.ofPlatform().name("shop-intake").daemon().factory());
        executor.scheduleWithFixedDelay(this::drain, poll.toMillis(), poll.toMillis(), TimeUnit.MILLISECONDS);
        worker = executor;
    }

    @Override
    public void stop() {
        ScheduledExecutorService executor = worker;
        worker = null;
        if (executor != null) {
            executor.shutdown();
            try {
                if (!executor.awaitTermination(30, TimeUnit.SECONDS)) {
                    executor.shutdownNow();
                }
            } catch (InterruptedException e) {
                executor.shutdownNow();
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return worker != null;
    }
}
