package org.opencrm.telephony.recording;

import java.io.IOException;
import java.io.InputStream;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencrm.platform.starter.security.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Recordings uploaded for calls, kept in PostgreSQL (bytea stored out of line and uncompressed, so that a range
 * is read from the database without the rest of the file). Rows are always looked up with the tenant and a call
 * the caller was allowed to see.
 */
@Component
class StoredRecordings {

    /** A stored recording's description. */
    record Stored(String contentType, long size) {
    }

    private final JdbcTemplate jdbc;

    StoredRecordings(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Optional<Stored> find(UUID callId) {
        List<Stored> found = jdbc.query("select content_type, size from call_recording where call_id = ? and tenant_id = ?",
                (row, n) -> new Stored(row.getString(1), row.getLong(2)), callId, TenantContext.require());
        return found.stream().findFirst();
    }

    /** {@code length} bytes from {@code offset} (0-based). */
    byte[] read(UUID callId, UUID tenant, long offset, int length) {
        return jdbc.queryForObject("""
                select substring(content from cast(? as integer) for cast(? as integer)) from call_recording where call_id = ? and tenant_id = ?""",
                byte[].class, Math.toIntExact(offset + 1), length, callId, tenant);
    }

    void store(UUID callId, String contentType, long size, InputStream content, UUID by) throws IOException {
        UUID tenant = TenantContext.require();
        jdbc.update(connection -> {
            var statement = connection.prepareStatement("""
                    insert into call_recording (call_id, tenant_id, content_type, size, content, uploaded_by, uploaded_at)
                    values (?, ?, ?, ?, ?, ?, ?)
                    on conflict (call_id) do update set content_type = excluded.content_type, size = excluded.size,
                        content = excluded.content, uploaded_by = excluded.uploaded_by, uploaded_at = excluded.uploaded_at
                    where call_recording.tenant_id = excluded.tenant_id""");
            statement.setObject(1, callId);
            statement.setObject(2, tenant);
            statement.setString(3, contentType);
            statement.setLong(4, size);
            statement.setBinaryStream(5, content, size);
            statement.setObject(6, by);
            statement.setTimestamp(7, Timestamp.from(Instant.now()));
            return statement;
        });
    }
}
