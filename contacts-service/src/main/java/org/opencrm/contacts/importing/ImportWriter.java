package org.opencrm.contacts.importing;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.opencrm.contacts.access.Visibility;
import org.opencrm.contacts.importing.ImportRequests.Counts;
import org.opencrm.contacts.importing.RowChecker.CheckedRow;
import org.opencrm.contacts.point.ContactPoint;
import org.opencrm.platform.starter.security.TenantContext;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.postgresql.copy.CopyManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * An import's database work, all of it in one transaction, so that a failed or cancelled import leaves no
 * row behind. Set-based, because a million rows written one by one through JPA would take an hour:
 * <ol>
 * <li>every checked row is staged with COPY in a temporary table, refused rows go to the report;</li>
 * <li>duplicates are found in SQL by the phones' and e-mails' search keys, among the company's contacts
 *     (the index on {@code contact_point.search_key}) and among the file's earlier rows;</li>
 * <li>new contacts and their points are inserted with one INSERT ... SELECT each, with the same stored
 *     form {@code Contact.apply} gives a card (search name, primary e-mail and phone);</li>
 * <li>rows that update a contact are merged into it in order ({@link CardMerge}), a page of contacts at a time;</li>
 * <li>the change history gets one revision for the import and the rows Envers itself would write
 *     (revision type 0 for a new contact and each added point, 1 for a changed contact);</li>
 * <li>the contacts whose events are due are listed for {@link ImportAnnouncer}, which puts them in the
 *     outbox after the commit, a chunk per transaction, rather than a million events in this one.</li>
 * </ol>
 * The SQL is native, so it names the tenant in every statement that reads the company's contacts.
 */
@Component
class ImportWriter {

    /** Rows collected before a COPY: enough to make each COPY worth its round trip, little enough to stay small. */
    static final int BATCH = 2000;

    private static final String COPY_ROWS = """
            COPY import_row (row_no, id, first_name, middle_name, last_name, birth_date, position, vip, source, status,
                tags, notes, custom_fields, search_name, email, phone, point_kinds, point_labels, point_values,
                point_keys, point_primaries, cells) FROM STDIN""";
    private static final String COPY_REJECTIONS = "COPY contact_import_rejection (import_id, row_number, reasons, cells) FROM STDIN";

    /** How a running import reports its progress and learns that it should stop. */
    interface Progress {

        void read(int rows);

        void stage(ImportStage stage);

        /** Throws {@link ImportStoppedException} if the import was asked to stop. */
        void check();
    }

    /** What the import works with. */
    record Work(UUID importId, UUID tenantId, UUID userId, Duplicates duplicates, Visibility visibility,
            int columns, SheetRows rows, RowChecker checker, Progress progress) {
    }

    private static final Logger log = LoggerFactory.getLogger(ImportWriter.class);

    private final ThreadLocal<TimeOrderedIds> ids = ThreadLocal.withInitial(TimeOrderedIds::new);
    private final JdbcTemplate jdbc;
    private final DataSource dataSource;
    private final JsonMapper json;
    private final ImportJobs jobs;

    ImportWriter(JdbcTemplate jdbc, DataSource dataSource, JsonMapper json, ImportJobs jobs) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.json = json;
        this.jobs = jobs;
    }

    /** Runs the whole import in the caller's transaction and completes its job there; the counts of its rows. */
    @Transactional(propagation = Propagation.MANDATORY)
    public Counts write(Work work) {
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        // sorts and hash joins over a million staged rows stay in memory on the database server
        jdbc.execute("set local work_mem = '64MB'");
        jdbc.execute("""
                create temp table import_row (
                    row_no int not null, id uuid not null, first_name text not null, middle_name text, last_name text,
                    birth_date date, position text, vip boolean, source text, status text, tags text[], notes text,
                    custom_fields jsonb, search_name text not null, email text, phone text, point_kinds text[] not null,
                    point_labels text[] not null, point_values text[] not null, point_keys text[] not null,
                    point_primaries boolean[] not null, cells text[]) on commit drop""");
        var clock = new Clock(work.importId());
        int[] read = stage(work);
        clock.lap("read and staged " + read[0] + " rows");
        work.progress().stage(ImportStage.MATCHING);
        work.progress().check();
        jdbc.execute("alter table import_row add primary key (row_no)");
        jdbc.execute("analyze import_row");
        jdbc.execute("""
                create temp table import_point on commit drop as
                select r.row_no, r.id as contact_id, (p.ord - 1)::int as position, p.kind, p.label, p.value,
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
        CardMerge.Result merged = work.duplicates() == Duplicates.UPDATE
                ? new CardMerge(jdbc, json, work, now).run() : CardMerge.Result.NONE;
        clock.lap("merged updates " + merged);
        work.progress().check();
        history(work, now);
        clock.lap("wrote the history");
        int announcements = jdbc.update("""
                insert into contact_import_announcement (import_id, contact_id, created)
                select ?, target, true from import_outcome where action = 'C'
                union all select ?, contact_id, false from import_changed where not created""", work.importId(),
                work.importId());
        Integer skipped = jdbc.queryForObject("select count(*) from import_outcome where action = 'S'", Integer.class);
        Integer refused = jdbc.queryForObject("select count(*) from import_outcome where action = 'R'", Integer.class);
        var counts = new Counts(created, merged.updated(), skipped + merged.skipped(),
                read[1] + refused + merged.rejected());
        work.progress().check();
        jobs.completed(work.importId(), read[0], counts, announcements > 0);
        clock.lap("listed " + announcements + " contacts to announce");
        return counts;
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
    private int[] stage(Work work) {
        CopyManager copy = copyManager();
        var rows = new CopyText();
        var rejections = new CopyText();
        boolean keepCells = work.duplicates() == Duplicates.UPDATE;
        int checkers = Math.max(1, Runtime.getRuntime().availableProcessors());
        int read = 0;
        int[] written = {0, 0};
        Deque<Future<List<Checked>>> checking = new ArrayDeque<>();
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
    private record Checked(SheetRows.Row row, RowChecker.Outcome outcome) {
    }

    private static Future<List<Checked>> check(ExecutorService pool, Work work, List<SheetRows.Row> batch) {
        // the checker reads the company's custom fields through JPA, which needs to know the company
        return pool.submit(() -> TenantContext.callAs(work.tenantId(),
                () -> batch.stream().map(row -> new Checked(row, work.checker().check(row))).toList()));
    }

    /** Writes a checked batch: rows to stage, refused rows to the report. */
    private void write(Work work, Future<List<Checked>> batch, CopyText rows, CopyText rejections, CopyManager copy,
            boolean keepCells, int[] written) {
        List<Checked> checked;
        try {
            checked = batch.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ImportStoppedException(ImportStatus.FAILED, "The import was interrupted; nothing was imported.");
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
        for (Checked one : checked) {
            if (one.outcome().row() == null) {
                written[1]++;
                rejections.value(work.importId()).value(one.row().number()).array(one.outcome().reasons())
                        .array(cells(one.row(), work.columns())).endRow();
            } else {
                stage(rows, one.outcome().row(), keepCells ? cells(one.row(), work.columns()) : null);
            }
        }
        written[0] += checked.size();
        rows.copy(copy, COPY_ROWS);
        rejections.copy(copy, COPY_REJECTIONS);
        work.progress().read(written[0]);
        work.progress().check();
    }

    private void stage(CopyText rows, CheckedRow row, List<String> cells) {
        List<String> kinds = new ArrayList<>();
        List<String> labels = new ArrayList<>();
        List<String> values = new ArrayList<>();
        List<String> keys = new ArrayList<>();
        List<Boolean> primaries = new ArrayList<>();
        for (ContactPoint point : row.points()) {
            kinds.add(point.kind().name());
            labels.add(point.label());
            values.add(point.value());
            keys.add(point.searchKey());
            primaries.add(point.primary());
        }
        rows.value(row.number()).value(ids.get().next()).value(row.firstName()).value(row.middleName())
                .value(row.lastName()).value(row.birthDate()).value(row.position())
                .value(row.vip() == null ? null : row.vip() ? "t" : "f").value(row.source())
                .value(row.status() == null ? null : row.status().name()).array(row.tags()).value(row.notes())
                .value(row.customFields().isEmpty() ? null : json.writeValueAsString(row.customFields()))
                .value(row.searchName()).value(row.email()).value(row.phone()).array(kinds).array(labels).array(values)
                .array(keys).array(primaries.stream().map(primary -> primary ? "t" : "f").toList()).array(cells)
                .endRow();
    }

    /**
     * What becomes of each row ({@code import_outcome}): C creates a contact (the target is its new id), S is
     * skipped, U updates the target contact, R is refused (the contact it duplicates is a colleague's that
     * the user may not change).
     */
    private void decide(Work work) {
        jdbc.execute("create temp table import_outcome (row_no int primary key, action char(1) not null, target uuid not null) on commit drop");
        // contacts the rows of UPDATE changed after their insert (created here) or as they were (created before)
        jdbc.execute("""
                create temp table import_changed (contact_id uuid primary key, first_new_position int not null,
                    created boolean not null) on commit drop""");
        if (work.duplicates() == Duplicates.CREATE) {
            jdbc.update("insert into import_outcome select row_no, 'C', id from import_row");
            return;
        }
        // the company's contact sharing a phone or an e-mail with the row; the oldest if several do
        jdbc.update("""
                create temp table import_match on commit drop as
                select distinct on (ip.row_no) ip.row_no, c.id as contact_id, c.owner_id
                from import_point ip
                join contact_point p on p.search_key = ip.search_key and p.kind = ip.kind and p.tenant_id = ?
                join contact c on c.id = p.contact_id and c.tenant_id = ? and c.deleted_at is null
                where ip.kind in ('PHONE', 'EMAIL')
                order by ip.row_no, c.created_at, c.id""", work.tenantId(), work.tenantId());
        jdbc.execute("alter table import_match add primary key (row_no)");
        // the earliest earlier row of the file with one of the row's phones or e-mails ...
        jdbc.execute("""
                create temp table import_parent on commit drop as
                select ip.row_no, min(k.first_row) as parent
                from import_point ip
                join (select kind, search_key, min(row_no) as first_row from import_point
                      where kind in ('PHONE', 'EMAIL') group by kind, search_key) k using (kind, search_key)
                where k.first_row < ip.row_no
                group by ip.row_no""");
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
        // a row updates the contact it duplicates, or the contact its first duplicate row matches or creates
        List<UUID> owners = work.visibility().visibleOwners().orElse(null);
        jdbc.update("""
                insert into import_outcome
                select r.row_no,
                    case when coalesce(m.contact_id, rm.contact_id) is not null then
                             case when ? or coalesce(m.owner_id, rm.owner_id) is null
                                       or coalesce(m.owner_id, rm.owner_id) = any(?) then 'U' else 'R' end
                         when pa.parent is not null then 'U'
                         else 'C' end,
                    coalesce(m.contact_id, rm.contact_id, root.id, r.id)
                from import_row r
                left join import_match m on m.row_no = r.row_no
                left join import_parent pa on pa.row_no = r.row_no
                left join import_match rm on rm.row_no = pa.parent
                left join import_row root on root.row_no = pa.parent""",
                owners == null, owners == null ? new UUID[0] : owners.toArray(UUID[]::new));
        jdbc.update("""
                insert into contact_import_rejection (import_id, row_number, reasons, cells)
                select ?, o.row_no, array['A phone or e-mail of this row belongs to a colleague''s contact that you may not change'],
                    coalesce(r.cells, '{}')
                from import_outcome o join import_row r on r.row_no = o.row_no where o.action = 'R'""", work.importId());
        jdbc.execute("create index on import_outcome (target, row_no) where action = 'U'");
        jdbc.execute("analyze import_outcome");
    }

    /**
     * Inserts the new contacts and their points, stored as {@code Contact.apply} stores a card; how many. In the
     * order of the file, which is the order of their time-ordered ids, so that the indexes are filled at one end.
     */
    private int create(Work work, Instant now, Clock clock) {
        Timestamp at = Timestamp.from(now);
        int created = jdbc.update("""
                insert into contact (id, tenant_id, kind, first_name, middle_name, last_name, birth_date, position, owner_id,
                    vip, source, status, tags, news_consent, notes, custom_fields, email, phone, search_name, created_by,
                    created_at, updated_at, version)
                select r.id, ?, 'PERSON', r.first_name, r.middle_name, r.last_name, r.birth_date, r.position, ?,
                    coalesce(r.vip, false), r.source, coalesce(r.status, 'LEAD'), coalesce(r.tags, '{}'), false, r.notes,
                    coalesce(r.custom_fields, '{}'), r.email, r.phone, r.search_name, ?, ?, ?, 0
                from import_row r join import_outcome o on o.row_no = r.row_no
                where o.action = 'C'
                order by r.row_no""", work.tenantId(), work.userId(), work.userId(), at, at);
        clock.lap("inserted " + created + " contacts");
        work.progress().check();
        jdbc.update("""
                insert into contact_point (contact_id, position, tenant_id, kind, label, value, search_key, is_primary)
                select p.contact_id, p.position, ?, p.kind, p.label, p.value, p.search_key, p.is_primary
                from import_point p join import_outcome o on o.row_no = p.row_no
                where o.action = 'C'
                order by p.row_no, p.position""", work.tenantId());
        clock.lap("inserted their contact points");
        return created;
    }

    /**
     * The import's entries in the change history, as Envers would have written them had each contact been
     * saved through JPA: one revision by the importing user, the whole card of each new contact and each
     * changed one, and each added contact point.
     */
    private void history(Work work, Instant now) {
        // a value of the sequence that Hibernate's pooled optimizer never hands out itself: it takes the
        // values it fetches as the ends of its blocks, so a fetched value is never inside another's block
        Long revision = jdbc.queryForObject("select nextval('revision_seq')", Long.class);
        jdbc.update("insert into revision (id, at, tenant_id, actor_id) values (?, ?, ?, ?)", revision,
                Timestamp.from(now), work.tenantId(), work.userId());
        String columns = """
                insert into contact_aud (id, rev, revtype, tenant_id, kind, first_name, middle_name, last_name, birth_date,
                    position, owner_id, vip, source, status, tags, news_consent, payment_preference, delivery_preference,
                    notes, custom_fields)""";
        String pointColumns = """
                insert into contact_point_aud (rev, revtype, contact_id, position, tenant_id, kind, label, value,
                    search_key, is_primary)""";
        // new contacts from the staged rows, as they were inserted: no need to read a million contacts back
        jdbc.update(columns + """
                select r.id, ?, 0, ?, 'PERSON', r.first_name, r.middle_name, r.last_name, r.birth_date, r.position, ?,
                    coalesce(r.vip, false), r.source, coalesce(r.status, 'LEAD'), coalesce(r.tags, '{}'), false, null, null,
                    r.notes, coalesce(r.custom_fields, '{}')
                from import_row r join import_outcome o on o.row_no = r.row_no where o.action = 'C'
                order by r.row_no""",
                revision, work.tenantId(), work.userId());
        jdbc.update(pointColumns + """
                select ?, 0, p.contact_id, p.position, ?, p.kind, p.label, p.value, p.search_key, p.is_primary
                from import_point p join import_outcome o on o.row_no = p.row_no where o.action = 'C'
                order by p.row_no, p.position""",
                revision, work.tenantId());
        // new contacts that later rows of the file added to: their entry shows them as they are now
        String card = """
                select c.id, ?, ?, c.tenant_id, c.kind, c.first_name, c.middle_name, c.last_name, c.birth_date, c.position,
                    c.owner_id, c.vip, c.source, c.status, c.tags, c.news_consent, c.payment_preference,
                    c.delivery_preference, c.notes, c.custom_fields
                from contact c""";
        String points = """
                select ?, 0, p.contact_id, p.position, p.tenant_id, p.kind, p.label, p.value, p.search_key, p.is_primary
                from contact_point p""";
        jdbc.update("delete from contact_aud a using import_changed x where a.id = x.contact_id and a.rev = ? and x.created",
                revision);
        jdbc.update(columns + card + " join import_changed x on x.contact_id = c.id where c.tenant_id = ? and x.created",
                revision, 0, work.tenantId());
        jdbc.update(columns + card + " join import_changed x on x.contact_id = c.id where c.tenant_id = ? and not x.created",
                revision, 1, work.tenantId());
        jdbc.update(pointColumns + points + " join import_changed x on x.contact_id = p.contact_id"
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
