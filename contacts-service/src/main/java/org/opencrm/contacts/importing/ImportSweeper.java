package org.opencrm.contacts.importing;

import java.util.UUID;
import org.opencrm.contacts.customfield.CardType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Looks after imports whose instance went away: a running import that stopped recording progress is marked
 * failed (its transaction died with its connection, so nothing of it stayed); a completed import whose
 * announcer stopped has its announcing resumed; files uploaded but never imported are dropped after a while.
 * Every instance runs it; each step is safe to run twice.
 */
@Component
class ImportSweeper {

    private static final Logger log = LoggerFactory.getLogger(ImportSweeper.class);

    private final JdbcTemplate jdbc;
    private final ImportRunner runner;
    private final ImportSettings settings;
    private final ImportJobs jobs;

    ImportSweeper(JdbcTemplate jdbc, ImportRunner runner, ImportSettings settings, ImportJobs jobs) {
        this.jdbc = jdbc;
        this.runner = runner;
        this.settings = settings;
        this.jobs = jobs;
    }

    @Scheduled(fixedDelayString = "${crm.contacts.imports.sweep-interval:30s}",
            initialDelayString = "${crm.contacts.imports.sweep-interval:30s}")
    void sweep() {
        String stale = settings.staleAfter().toMillis() + " milliseconds";
        int lost = jobs.failAbandoned(stale);
        if (lost > 0) {
            log.warn("Marked {} abandoned imports failed", lost);
        }
        jdbc.query("""
                select id, tenant_id, card_type from contact_import
                where status = 'COMPLETED' and stage = 'ANNOUNCING' and announced_at < now() - cast(? as interval)""",
                row -> {
                    runner.resumeAnnouncing(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                            CardType.valueOf(row.getString(3)));
                }, stale);
        jdbc.update("""
                delete from contact_import_file f using contact_import i
                where f.import_id = i.id and i.status <> 'RUNNING' and i.created_at < now() - cast(? as interval)""",
                settings.keepFiles().toMillis() + " milliseconds");
    }
}
