package org.opencrm.contacts.importing;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencrm.contacts.customfield.CardType;
import org.opencrm.contacts.importing.ImportRequests.Counts;
import org.opencrm.contacts.importing.ImportRequests.MappedColumn;
import org.opencrm.platform.events.contacts.ImportFinished;
import org.opencrm.platform.starter.events.EventPublisher;
import org.opencrm.platform.starter.security.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The import jobs and their stored files. Plain SQL, as the import itself is: every read by id names the
 * tenant, so another company's import is "not found" (covered by the cross-tenant tests); the updates the
 * running job makes go by the id of a job it has already read that way.
 */
@Repository
class ImportJobs {

    /** The stored file is kept in pieces of this size: a piece is one row, read and written whole. */
    private static final int PIECE = 1024 * 1024;

    /** An import as stored; {@code cardType} is what it imports, contacts or companies. */
    record ImportJob(UUID id, UUID tenantId, CardType cardType, UUID createdBy, String fileName, FileFormat format,
            long size, List<String> columns, List<List<String>> preview, int totalRows, ImportStatus status,
            ImportStage stage, Duplicates duplicates, List<MappedColumn> mapping, int rowsRead, Counts counts,
            int announced, boolean cancelRequested, String failure, Instant createdAt, Instant startedAt, Instant finishedAt) {
    }

    /** What {@code import.finished} tells, as an ended job's update returns it. */
    private static final String FINISHED = """
            id, tenant_id, card_type, file_name, created_by, status, created_count, updated_count, skipped_count,
            rejected_count, finished_at""";

    private final JdbcTemplate jdbc;
    private final JsonMapper json;
    private final EventPublisher events;
    private final TransactionTemplate transactions;

    ImportJobs(JdbcTemplate jdbc, JsonMapper json, EventPublisher events, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.json = json;
        this.events = events;
        this.transactions = transactions;
    }

    /** Records an uploaded file and its analysis; the caller's transaction covers the row and every piece. */
    void insert(UUID id, UUID tenantId, CardType cardType, UUID createdBy, String fileName, long size,
            FileAnalysis analysis, Path file, Instant now) {
        jdbc.update("""
                insert into contact_import (id, tenant_id, card_type, created_by, file_name, format, size_bytes, columns,
                    preview, total_rows, status, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, 'UPLOADED', ?)
                """, id, tenantId, cardType.name(), createdBy, fileName, analysis.format().name(), size,
                analysis.columns().toArray(String[]::new), json.writeValueAsString(analysis.preview()),
                analysis.totalRows(), Timestamp.from(now));
        try (InputStream in = Files.newInputStream(file)) {
            int seq = 0;
            for (byte[] piece = in.readNBytes(PIECE); piece.length > 0; piece = in.readNBytes(PIECE)) {
                jdbc.update("insert into contact_import_file (import_id, seq, data) values (?, ?, ?)", id, seq++, piece);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An import of the company's cards of this type: a contact import is not found among company imports. */
    Optional<ImportJob> find(UUID tenantId, CardType cardType, UUID id) {
        return jdbc.query("select * from contact_import where id = ? and tenant_id = ? and card_type = ?", this::job,
                id, tenantId, cardType.name()).stream().findFirst();
    }

    /** The stored file, written to a temporary file for reading; the caller deletes it. */
    Path restoreFile(UUID id) {
        try {
            Path file = Files.createTempFile("contact-import-", ".upload");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file))) {
                int pieces = 0;
                for (int seq = 0; ; seq++) {
                    List<byte[]> piece = jdbc.queryForList(
                            "select data from contact_import_file where import_id = ? and seq = ?", byte[].class, id, seq);
                    if (piece.isEmpty()) {
                        break;
                    }
                    out.write(piece.getFirst());
                    pieces++;
                }
                if (pieces == 0) {
                    throw new IllegalStateException("The file of import " + id + " is no longer stored.");
                }
            } catch (IOException | RuntimeException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Marks the job running, unless it runs or completed already; false if it could not be started. */
    boolean markRunning(UUID id, Duplicates duplicates, List<MappedColumn> mapping) {
        return jdbc.update("""
                update contact_import set status = 'RUNNING', stage = 'READING', duplicates = ?, mapping = cast(? as jsonb),
                    rows_read = 0, created_count = 0, updated_count = 0, skipped_count = 0, rejected_count = 0,
                    announced_count = 0, cancel_requested = false, failure = null, started_at = now(), finished_at = null,
                    heartbeat_at = now()
                where id = ? and status in ('UPLOADED', 'FAILED', 'CANCELLED')
                """, duplicates.name(), json.writeValueAsString(mapping), id) == 1;
    }

    /**
     * The running job's sign of life and progress; answers whether someone asked to cancel it (empty if the
     * job is no longer running, e.g. the sweeper gave it up).
     */
    Optional<Boolean> beat(UUID id, int rowsRead, ImportStage stage) {
        return jdbc.query("""
                update contact_import set rows_read = ?, stage = ?, heartbeat_at = now()
                where id = ? and status = 'RUNNING' returning cancel_requested
                """, (row, n) -> row.getBoolean(1), rowsRead, stage.name(), id).stream().findFirst();
    }

    /** Asks a running import to stop, or cancels one that has not started; false if it is past that. */
    boolean requestCancel(UUID id) {
        return jdbc.update("""
                update contact_import set cancel_requested = true,
                    status = case when status = 'RUNNING' then status else 'CANCELLED' end,
                    finished_at = case when status = 'RUNNING' then finished_at else now() end
                where id = ? and status in ('UPLOADED', 'RUNNING', 'FAILED')
                """, id) == 1;
    }

    /** Ends a job whose transaction rolled back, and tells its user (import.finished). */
    void stopped(UUID id, ImportStatus status, String failure) {
        transactions.executeWithoutResult(tx -> jdbc.query("""
                update contact_import set status = ?, stage = null, failure = ?, finished_at = now(),
                    created_count = 0, updated_count = 0, skipped_count = 0, rejected_count = 0
                where id = ? and status = 'RUNNING'
                returning""" + " " + FINISHED, this::announceFinished, status.name(), failure, id));
    }

    /**
     * Fails the imports whose service instance went away (no sign of life for {@code stale}), telling their
     * users; how many.
     */
    int failAbandoned(String stale) {
        Integer failed = transactions.execute(tx -> {
            int[] count = {0};
            jdbc.query("""
                    update contact_import set status = 'FAILED', stage = null, finished_at = now(),
                        created_count = 0, updated_count = 0, skipped_count = 0, rejected_count = 0,
                        failure = 'The import stopped without finishing (its service instance went away), so nothing was imported; start it again.'
                    where status = 'RUNNING' and heartbeat_at < now() - cast(? as interval)
                    returning""" + " " + FINISHED, row -> {
                        count[0]++;
                        announceFinished(row);
                    }, stale);
            return count[0];
        });
        return failed == null ? 0 : failed;
    }

    /** Publishes import.finished for an ended job's row, in the transaction that ended it. */
    private void announceFinished(ResultSet row) throws SQLException {
        UUID tenant = row.getObject("tenant_id", UUID.class);
        var finished = new ImportFinished(row.getObject("id", UUID.class), row.getString("card_type"),
                row.getString("file_name"), row.getObject("created_by", UUID.class), row.getString("status"),
                row.getLong("created_count"), row.getLong("updated_count"), row.getLong("skipped_count"),
                row.getLong("rejected_count"), row.getTimestamp("finished_at").toInstant());
        TenantContext.runAs(tenant, () -> events.publish(finished));
    }

    /**
     * Completes the job inside the import's own transaction, so that it completes (and import.finished is
     * published) exactly when its rows commit.
     */
    void completed(UUID id, int rowsRead, Counts counts, boolean announcing) {
        jdbc.query("""
                update contact_import set status = 'COMPLETED', stage = ?, rows_read = ?, created_count = ?,
                    updated_count = ?, skipped_count = ?, rejected_count = ?, finished_at = now(),
                    announced_at = case when ? then now() end
                where id = ?
                returning""" + " " + FINISHED, this::announceFinished,
                (announcing ? ImportStage.ANNOUNCING : ImportStage.DONE).name(), rowsRead, counts.created(),
                counts.updated(), counts.skipped(), counts.rejected(), announcing, id);
        // the file is not needed any more: a completed import is not run again
        jdbc.update("delete from contact_import_file where import_id = ?", id);
    }

    private ImportJob job(ResultSet row, int n) throws SQLException {
        String duplicates = row.getString("duplicates");
        String mapping = row.getString("mapping");
        String stage = row.getString("stage");
        return new ImportJob(row.getObject("id", UUID.class), row.getObject("tenant_id", UUID.class),
                CardType.valueOf(row.getString("card_type")), row.getObject("created_by", UUID.class),
                row.getString("file_name"), FileFormat.valueOf(row.getString("format")), row.getLong("size_bytes"),
                Arrays.asList((String[]) row.getArray("columns").getArray()),
                json.readValue(row.getString("preview"), new TypeReference<List<List<String>>>() { }),
                row.getInt("total_rows"), ImportStatus.valueOf(row.getString("status")),
                stage == null ? null : ImportStage.valueOf(stage),
                duplicates == null ? null : Duplicates.valueOf(duplicates),
                mapping == null ? null : json.readValue(mapping, new TypeReference<List<MappedColumn>>() { }),
                row.getInt("rows_read"), new Counts(row.getInt("created_count"), row.getInt("updated_count"),
                        row.getInt("skipped_count"), row.getInt("rejected_count")),
                row.getInt("announced_count"), row.getBoolean("cancel_requested"), row.getString("failure"),
                instant(row, "created_at"), instant(row, "started_at"), instant(row, "finished_at"));
    }

    private static Instant instant(ResultSet row, String column) throws SQLException {
        Timestamp at = row.getTimestamp(column);
        return at == null ? null : at.toInstant();
    }
}
