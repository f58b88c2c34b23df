package org.opencrm.contacts.importing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.opencrm.platform.starter.directory.Visibility;
import org.opencrm.contacts.importing.ImportRequests.Counts;
import org.opencrm.platform.starter.security.TenantContext;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * An import's database work, all of it in one transaction, so that a failed or cancelled import leaves no
 * row behind. Set-based, because a million rows written one by one through JPA would take an hour:
 * <ol>
 * <li>every checked row is staged with COPY in a temporary table, refused rows go to the report;</li>
 * <li>duplicates are found in SQL by the phones' and e-mails' search keys (and a company's tax number),
 *     among the company's cards (the index on {@code contact_point.search_key}) and among the file's earlier
 *     rows;</li>
 * <li>new cards and their points are inserted with one INSERT ... SELECT each, with the same stored
 *     form {@code Contact.apply} or {@code Company.apply} gives a card (search name, primary e-mail and phone);</li>
 * <li>rows that update a card are merged into it in order ({@link CardMerge}), a page of cards at a time;</li>
 * <li>the change history gets one revision for the import and the rows Envers itself would write
 *     (revision type 0 for a new card and each added point, 1 for a changed card);</li>
 * <li>the cards whose events are due are listed for {@link ImportAnnouncer}, which puts them in the
 *     outbox after the commit, a chunk per transaction, rather than a million events in this one.</li>
 * </ol>
 * What differs between contacts and companies is the {@link CardTable}'s. The SQL is native, so it names
 * the tenant in every statement that reads the company's cards.
 */
@Component
class ImportWriter {

    /** Rows collected before a COPY: enough to make each COPY worth its round trip, little enough to stay small. */
    static final int BATCH = 2000;

    /** Cards written by one import from which the planner's statistics of their tables are refreshed at once. */
    static final int ANALYZE_AFTER = 10_000;

    private static final String COPY_REJECTIONS = "COPY contact_import_rejection (import_id, row_number, reasons, cells) FROM STDIN";

    /** How a running import reports its progress and learns that it should stop. */
    interface Progress {

        void read(int rows);

        void stage(ImportStage stage);

        /** Throws {@link ImportStoppedException} if the import was asked to stop. */
        void check();
    }

    /** What the import works with: the rows of a file, checked and written as one kind of card. */
    record Work<R>(UUID importId, UUID tenantId, UUID userId, Duplicates duplicates, Visibility visibility,
            int columns, SheetRows rows, RowChecker<R> checker, CardTable<R> table, Progress progress) {
    }

    private static final Logger log = LoggerFactory.getLogger(ImportWriter.class);

    private final ThreadLocal<TimeOrderedIds> ids = ThreadLocal.withInitial(TimeOrderedIds::new);
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final ImportJobs jobs;

    ImportWriter(JdbcTemplate jdbc, DataSource dataSource, ImportJobs jobs) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.jobs = jobs;
    }

    /** Runs the whole import in the caller's transaction and completes its job there; the counts of its rows. */
    @Transactional(propagation = Propagation.MANDATORY)
    public <R> Counts write(Work<R> work) {
        CardTable<R> table = work.table();
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // sorts and hash joins over a million staged rows stay in memory on the database server
        jdbc.execute("set local work_mem = '64MB'");
        jdbc.execute(table.stagingTable());
        var clock = new Clock(work.importId());
        int[] read = stage(work);
        clock.lap("read and staged " + read[0] + " rows");
        work.progress().stage(ImportStage.MATCHING);
        work.progress().check();
        jdbc.execute("alter table import_row add primary key (row_no)");
        jdbc.execute("analyze import_row");
        jdbc.execute("""
                create temp table import_point on commit drop as
                select r.row_no, r.id as card_id, (p.ord - 1)::int as position, p.kind, p.label, p.value,
                    p.search_key, p.is_primary
                from import_row r cross join lateral unnest(r.point_kinds, r.point_labels, r.point_values, r.point_keys,
                    r.point_primaries) with ordinality as p(kind, label, value, search_key, is_primary, ord)""");
        jdbc.execute("analyze import_point");
        decide(work);
        clock.lap("matched duplicates");
        work.progress().check();
        work.progress().stage(ImportStage.WRITING);
        int created = create(work, now, clock);
        work.progress().check();
        CardMerge.Result merged = work.duplicates() == Duplicates.UPDATE ? table.merge(work, now) : CardMerge.Result.NONE;
        clock.lap("merged updates " + merged);
        work.progress().check();
        history(work, now);
        clock.lap("wrote the history");
        int announcements = jdbc.update("""
                insert into contact_import_announcement (import_id, contact_id, created)
                select ?, target, true from import_outcome where action = 'C'
                union all select ?, card_id, false from import_changed where not created""", work.importId(),
                work.importId());
        Integer skipped = jdbc.queryForObject("select count(*) from import_outcome where action = 'S'", Integer.class);
        Integer refused = jdbc.queryForObject("select count(*) from import_outcome where action = 'R'", Integer.class);
        var counts = new Counts(created, merged.updated(), skipped + merged.skipped(),
                read[1] + refused + merged.rejected());
        work.progress().check();
        jobs.completed(work.importId(), read[0], counts, announcements > 0);
        clock.lap("listed " + announcements + " " + table.table() + " cards to announce");
        return counts;
    }

    /**
     * Refreshes the planner's statistics of the cards' tables after a large import committed. Until autovacuum
     * gets to them, the planner would take the tables for what they were before: right after a million
     * contacts came into an empty company, it read the company's whole index to find the thousand cards
     * of each announcement chunk (9 s a chunk instead of milliseconds), and searches did no better.
     */
    void refreshStatistics(CardTable<?> table, UUID importId, Counts counts) {
        if (counts != null && counts.created() + counts.updated() >= ANALYZE_AFTER) {
            var clock = new Clock(importId);
            jdbc.execute("analyze " + table.table() + ", " + table.pointTable());
            clock.lap("refreshed the statistics of " + table.table() + " and " + table.pointTable());
        }
    }

    /** Logs how long each step of an import took: where the time of a large import goes. */
    private static final class Clock {

        private final UUID importId;
        private long last = System.nanoTime();

        Clock(UUID importId) {
            this.importId = importId;
        }

        void lap(String step) {
            long now = System.nanoTime();
            log.info("Import {}: {} in {} ms", importId, step, (now - last) / 1_000_000);
            last = now;
        }
    }

    /**
     * Reads, checks and stages every row; the rows read and the rows refused. Checking a row (phone numbers,
     * Bean Validation) costs far more than reading or writing it, so batches are checked on every core while
     * this thread reads the next ones and writes the checked ones in the order of the file.
     */
    private <R> int[] stage(Work<R> work) {
        CopyManager copy = copyManager();
        var rows = new CopyText();
        var rejections = new CopyText();
        boolean keepCells = work.table().keepsCells(work.duplicates());
        int checkers = Math.max(1, Runtime.getRuntime().availableProcessors());
        int read = 0;
        int[] written = {0, 0};
        Deque<Future<List<Checked<R>>>> checking = new ArrayDeque<>();
        ExecutorService pool = Executors.newFixedThreadPool(checkers,
                Thread.ofPlatform().daemon().name("contact-import-check-", 0).factory());
        try {
            work.rows().next(); // the header
            List<SheetRows.Row> batch = new ArrayList<>(BATCH);
            for (SheetRows.Row row = work.rows().next(); row != null; row = work.rows().next()) {
                read++;
                batch.add(row);
                if (batch.size() == BATCH) {
                    checking.add(check(pool, work, batch));
                    batch = new ArrayList<>(BATCH);
                    if (checking.size() > checkers) {
                        write(work, checking.poll(), rows, rejections, copy, keepCells, written);
                    }
                }
            }
            if (!batch.isEmpty()) {
                checking.add(check(pool, work, batch));
            }
            while (!checking.isEmpty()) {
                write(work, checking.poll(), rows, rejections, copy, keepCells, written);
            }
        } finally {
            pool.shutdownNow();
        }
        return new int[] {read, written[1]};
    }

    /** A row and what checking it found. */
    private record Checked<R>(SheetRows.Row row, RowChecker.Outcome<R> outcome) {
    }

    private static <R> Future<List<Checked<R>>> check(ExecutorService pool, Work<R> work, List<SheetRows.Row> batch) {
        // the checker reads the company's custom fields through JPA, which needs to know the company
        return pool.submit(() -> TenantContext.callAs(work.tenantId(),
                () -> batch.stream().map(row -> new Checked<>(row, work.checker().check(row))).toList()));
    }

    /** Writes a checked batch: rows to stage, refused rows to the report. */
    private <R> void write(Work<R> work, Future<List<Checked<R>>> batch, CopyText rows, CopyText rejections,
            CopyManager copy, boolean keepCells, int[] written) {
        List<Checked<R>> checked;
        try {
            checked = batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportStoppedException(ImportStatus.FAILED, "The import was interrupted; nothing was imported.");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
        for (Checked<R> one : checked) {
            if (one.outcome().row() == null) {
                written[1]++;
                rejections.value(work.importId()).value(one.row().number()).array(one.outcome().reasons())
                        .array(cells(one.row(), work.columns())).endRow();
            } else {
                work.table().stage(rows, one.outcome().row(), ids.get().next(),
                        keepCells ? cells(one.row(), work.columns()) : null);
            }
        }
        written[0] += checked.size();
        rows.copy(copy, work.table().copyRows());
        rejections.copy(copy, COPY_REJECTIONS);
        work.progress().read(written[0]);
        work.progress().check();
    }

    /**
     * What becomes of each row ({@code import_outcome}): C creates a card (the target is its new id), S is
     * skipped, U updates the target card, R is refused (the card it duplicates is a colleague's that the user
     * may not change, or, for a company, its tax number is taken).
     */
    private <R> void decide(Work<R> work) {
        CardTable<R> table = work.table();
        jdbc.execute("create temp table import_outcome (row_no int primary key, action char(1) not null, target uuid not null) on commit drop");
        // cards the rows of UPDATE changed after their insert (created here) or as they were (created before)
        jdbc.execute("""
                create temp table import_changed (card_id uuid primary key, first_new_position int not null,
                    created boolean not null) on commit drop""");
        if (work.duplicates() == Duplicates.CREATE) {
            table.decideCreate(work);
            return;
        }
        // the company's card each row duplicates
        table.match(work);
        jdbc.execute("alter table import_match add primary key (row_no)");
        // the earliest earlier row of the file with one of the row's keys ...
        String keys = table.duplicateKeys();
        jdbc.execute("create temp table import_parent on commit drop as"
                + " select ip.row_no, min(k.first_row) as parent from " + keys + " ip"
                + " join (select kind, search_key, min(row_no) as first_row from " + keys + " e"
                + " group by kind, search_key) k using (kind, search_key)"
                + " where k.first_row < ip.row_no group by ip.row_no");
        jdbc.execute("alter table import_parent add primary key (row_no)");
        // ... and, through rows that share one key each (9 with 5 by e-mail, 5 with 2 by phone), the first of them
        while (jdbc.update("""
                update import_parent c set parent = p.parent from import_parent p where c.parent = p.row_no""") > 0) {
            work.progress().check();
        }
        jdbc.execute("analyze import_match");
        jdbc.execute("analyze import_parent");
        if (work.duplicates() == Duplicates.SKIP) {
            jdbc.update("""
                    insert into import_outcome
                    select r.row_no, case when m.row_no is null and pa.row_no is null then 'C' else 'S' end, r.id
                    from import_row r left join import_match m on m.row_no = r.row_no
                    left join import_parent pa on pa.row_no = r.row_no""");
            return;
        }
        // a row updates the card it duplicates, or the card its first duplicate row matches or creates
        List<UUID> owners = work.visibility().visibleOwners().orElse(null);
        jdbc.update("""
                insert into import_outcome
                select r.row_no,
                    case when coalesce(m.card_id, rm.card_id) is not null then
                             case when ? or coalesce(m.owner_id, rm.owner_id) is null
                                       or coalesce(m.owner_id, rm.owner_id) = any(?) then 'U' else 'R' end
                         when pa.parent is not null then 'U'
                         else 'C' end,
                    coalesce(m.card_id, rm.card_id, root.id, r.id)
                from import_row r
                left join import_match m on m.row_no = r.row_no
                left join import_parent pa on pa.row_no = r.row_no
                left join import_match rm on rm.row_no = pa.parent
                left join import_row root on root.row_no = pa.parent""",
                owners == null, owners == null ? new UUID[0] : owners.toArray(UUID[]::new));
        jdbc.update("""
                insert into contact_import_rejection (import_id, row_number, reasons, cells)
                select ?, o.row_no, array[cast(? as text)], coalesce(r.cells, '{}')
                from import_outcome o join import_row r on r.row_no = o.row_no where o.action = 'R'""", work.importId(),
                table.colleaguesCard());
        jdbc.execute("create index on import_outcome (target, row_no) where action = 'U'");
        jdbc.execute("analyze import_outcome");
    }

    /**
     * Inserts the new cards and their points, stored as the card's {@code apply} stores it; how many. In the
     * order of the file, which is the order of their time-ordered ids, so that the indexes are filled at one end.
     */
    private <R> int create(Work<R> work, Instant now, Clock clock) {
        CardTable<R> table = work.table();
        int created = table.insertCards(work, Timestamp.from(now));
        clock.lap("inserted " + created + " " + table.table() + " cards");
        work.progress().check();
        jdbc.update("insert into " + table.pointTable() + " (" + table.pointCardColumn()
                + ", position, tenant_id, kind, label, value, search_key, is_primary)"
                + " select p.card_id, p.position, ?, p.kind, p.label, p.value, p.search_key, p.is_primary"
                + " from import_point p join import_outcome o on o.row_no = p.row_no"
                + " where o.action = 'C'"
                + " order by p.row_no, p.position", work.tenantId());
        clock.lap("inserted their contact points");
        return created;
    }

    /**
     * The import's entries in the change history, as Envers would have written them had each card been
     * saved through JPA: one revision by the importing user, the whole card of each new card and each
     * changed one, and each added contact point.
     */
    private void history(Work<?> work, Instant now) {
        CardTable<?> table = work.table();
        // a value of the sequence that Hibernate's pooled optimizer never hands out itself: it takes the
        // values it fetches as the ends of its blocks, so a fetched value is never inside another's block
        Long revision = jdbc.queryForObject("select nextval('revision_seq')", Long.class);
        jdbc.update("insert into revision (id, at, tenant_id, actor_id) values (?, ?, ?, ?)", revision,
                Timestamp.from(now), work.tenantId(), work.userId());
        String columns = "insert into " + table.auditTable() + " (id, rev, revtype, " + table.auditedColumns() + ") ";
        String pointColumns = "insert into " + table.pointAuditTable() + " (rev, revtype, " + table.pointCardColumn()
                + ", position, tenant_id, kind, label, value, search_key, is_primary) ";
        // new cards from the staged rows, as they were inserted: no need to read a million cards back
        jdbc.update(columns + "select r.id, ?, 0, " + table.stagedAudited()
                + " from import_row r join import_outcome o on o.row_no = r.row_no where o.action = 'C'"
                + " order by r.row_no", revision, work.tenantId(), work.userId());
        jdbc.update(pointColumns
                + "select ?, 0, p.card_id, p.position, ?, p.kind, p.label, p.value, p.search_key, p.is_primary"
                + " from import_point p join import_outcome o on o.row_no = p.row_no where o.action = 'C'"
                + " order by p.row_no, p.position", revision, work.tenantId());
        // new cards that later rows of the file added to: their entry shows them as they are now
        String card = "select c.id, ?, ?, " + Arrays.stream(table.auditedColumns().split(","))
                .map(column -> "c." + column.strip()).collect(Collectors.joining(", ")) + " from " + table.table() + " c";
        String points = "select ?, 0, p." + table.pointCardColumn()
                + ", p.position, p.tenant_id, p.kind, p.label, p.value, p.search_key, p.is_primary from "
                + table.pointTable() + " p";
        jdbc.update("delete from " + table.auditTable()
                + " a using import_changed x where a.id = x.card_id and a.rev = ? and x.created", revision);
        jdbc.update(columns + card + " join import_changed x on x.card_id = c.id where c.tenant_id = ? and x.created",
                revision, 0, work.tenantId());
        jdbc.update(columns + card + " join import_changed x on x.card_id = c.id where c.tenant_id = ? and not x.created",
                revision, 1, work.tenantId());
        jdbc.update(pointColumns + points + " join import_changed x on x.card_id = p." + table.pointCardColumn()
                + " and p.position >= x.first_new_position where p.tenant_id = ?", revision, work.tenantId());
    }

    private CopyManager copyManager() {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            return connection.unwrap(PGConnection.class).getCopyAPI();
        } catch (SQLException e) {
            throw new IllegalStateException("The import needs a PostgreSQL connection", e);
        }
    }

    private static List<String> cells(SheetRows.Row row, int columns) {
        List<String> cells = new ArrayList<>(columns);
        for (int i = 0; i < columns; i++) {
            cells.add(row.cell(i));
        }
        return cells;
    }
}
