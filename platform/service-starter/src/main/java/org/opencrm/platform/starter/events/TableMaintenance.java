package org.opencrm.platform.starter.events;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Stands in for PostgreSQL's autovacuum where the server has it turned off (seen on test hosts): without it
 * the planner keeps the statistics a table had when it was empty, and a table that grew to 100,000 deals was
 * read whole to find ten of them by id (one shop customer's link took seconds), and every row version left
 * behind by an update stays in the indexes. So, where autovacuum is off, each service looks after its own
 * tables with autovacuum's default thresholds: a table with more dead rows than 50 + 20 % of its live ones
 * is vacuumed, one with more changed rows than 50 + 10 % is analysed. The outbox, a queue whose every row is
 * written and then marked sent, is vacuumed every time. {@code skip_locked} leaves a table to another
 * instance already at it. Where autovacuum is on, this does nothing.
 */
public class TableMaintenance {

    private static final Logger log = LoggerFactory.getLogger(TableMaintenance.class);

    private final JdbcTemplate jdbc;
    private volatile Boolean autovacuum;

    public TableMaintenance(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Scheduled(fixedDelayString = "${crm.events.outbox.vacuum-interval:30s}",
            initialDelayString = "${crm.events.outbox.vacuum-interval:30s}")
    public void maintainWithoutAutovacuum() {
        if (autovacuum == null) {
            autovacuum = "on".equals(jdbc.queryForObject("select current_setting('autovacuum')", String.class));
            if (!autovacuum) {
                log.warn("PostgreSQL's autovacuum is off: this service vacuums and analyses its own tables");
            }
        }
        if (autovacuum) {
            return;
        }
        jdbc.execute("vacuum (skip_locked) event_publication");
        List<Map<String, Object>> due = jdbc.queryForList("""
                select format('%I.%I', schemaname, relname) as name,
                    n_dead_tup > 50 + 0.2 * n_live_tup as dead, n_mod_since_analyze > 50 + 0.1 * n_live_tup as changed
                from pg_stat_user_tables
                where relname <> 'event_publication'
                    and (n_dead_tup > 50 + 0.2 * n_live_tup or n_mod_since_analyze > 50 + 0.1 * n_live_tup)""");
        for (Map<String, Object> table : due) {
            long started = System.nanoTime();
            String name = (String) table.get("name");
            jdbc.execute(Boolean.TRUE.equals(table.get("dead")) ? "vacuum (skip_locked, analyze) " + name
                    : "analyze (skip_locked) " + name);
            log.info("Maintained {} (autovacuum is off) in {} ms", name, (System.nanoTime() - started) / 1_000_000);
        }
    }
}
