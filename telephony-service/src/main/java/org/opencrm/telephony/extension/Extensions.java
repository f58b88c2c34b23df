package org.opencrm.telephony.extension;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencrm.platform.starter.security.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The company's extensions on the exchange and the CRM users behind them: the user a call rings for, and the
 * extension click-to-call rings first. An ADMIN sets them (MANUAL); a user's {@code pbxExtension} in identity
 * (event {@code user.updated}) sets them too (IDENTITY). The latest change wins.
 */
@Service
public class Extensions {

    /** One extension and its user. */
    public record Mapping(String extension, UUID userId) {
    }

    private final JdbcTemplate jdbc;

    Extensions(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The user of the extension, if one is mapped. */
    public Optional<UUID> userOf(String extension) {
        if (extension == null || extension.isBlank()) {
            return Optional.empty();
        }
        return jdbc.queryForList("select user_id from extension where tenant_id = ? and extension = ?", UUID.class,
                TenantContext.require(), extension.strip()).stream().findFirst();
    }

    /** The user's extension (the most recently mapped one if they have several). */
    public Optional<String> extensionOf(UUID user) {
        return jdbc.queryForList("""
                select extension from extension where tenant_id = ? and user_id = ?
                order by updated_at desc, extension limit 1""", String.class, TenantContext.require(), user)
                .stream().findFirst();
    }

    @Transactional(readOnly = true)
    public List<Mapping> all() {
        return jdbc.query("select extension, user_id from extension where tenant_id = ? order by extension",
                (row, n) -> new Mapping(row.getString(1), row.getObject(2, UUID.class)), TenantContext.require());
    }

    @Transactional
    public void map(String extension, UUID user) {
        jdbc.update("""
                insert into extension (tenant_id, extension, user_id, source, updated_at) values (?, ?, ?, 'MANUAL', ?)
                on conflict (tenant_id, extension) do update set user_id = excluded.user_id, source = 'MANUAL',
                    updated_at = excluded.updated_at
                """, TenantContext.require(), extension, user, Timestamp.from(Instant.now()));
    }

    @Transactional
    public boolean unmap(String extension) {
        return jdbc.update("delete from extension where tenant_id = ? and extension = ?", TenantContext.require(),
                extension) > 0;
    }
}
