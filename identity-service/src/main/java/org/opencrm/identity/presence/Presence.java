package org.opencrm.identity.presence;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencrm.platform.events.identity.UserPresenceChanged;
import org.opencrm.platform.starter.events.EventPublisher;
import org.opencrm.platform.starter.security.CurrentUser;
import org.opencrm.platform.starter.security.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Presence: a user sets it (do not disturb, working, ...) or it follows their activity. The web app sends
 * a heartbeat while it is open: an absent or away user becomes online; with no heartbeat for five minutes
 * an automatic status turns to away, and after thirty minutes anyone turns offline. Every change is
 * published as {@code user.presence-changed}.
 */
@Service
class Presence {

    static final Duration AWAY_AFTER = Duration.ofMinutes(5);
    static final Duration OFFLINE_AFTER = Duration.ofMinutes(30);

    /** A colleague's presence as listed. */
    record PresenceView(UUID userId, PresenceStatus status, boolean manual, Instant lastSeenAt) {
    }

    private record Change(UUID userId, UUID tenantId, String status, boolean manual, Instant at) {
    }

    private final JdbcTemplate jdbc;
    private final EventPublisher events;
    private final TransactionTemplate transactions;

    Presence(JdbcTemplate jdbc, EventPublisher events, TransactionTemplate transactions) {
        this.jdbc = jdbc;
        this.events = events;
        this.transactions = transactions;
    }

    /** The caller's colleagues' presence (the caller's company only). */
    @Transactional(readOnly = true)
    List<PresenceView> colleagues() {
        return jdbc.query("select user_id, status, manual, last_seen_at from user_presence where tenant_id = ?",
                (row, n) -> new PresenceView(row.getObject(1, UUID.class), PresenceStatus.valueOf(row.getString(2)),
                        row.getBoolean(3), row.getTimestamp(4).toInstant()), TenantContext.require());
    }

    /** The caller chooses a status; OFFLINE chosen by hand is "invisible" until they choose again. */
    @Transactional
    PresenceView set(PresenceStatus status) {
        var user = CurrentUser.require();
        Instant now = Instant.now();
        String previous = upsert(user.userId(), user.tenantId(), status.name(), true, now);
        if (!status.name().equals(previous)) {
            events.publish(new UserPresenceChanged(user.userId(), status.name(), true, now));
        }
        return new PresenceView(user.userId(), status, true, now);
    }

    /** The caller's web app is open and used: seen now; an automatic or away status becomes online. */
    @Transactional
    PresenceView heartbeat() {
        var user = CurrentUser.require();
        Instant now = Instant.now();
        var current = jdbc.query("select status, manual from user_presence where user_id = ? and tenant_id = ? for update",
                (row, n) -> new Object[] {row.getString(1), row.getBoolean(2)}, user.userId(), user.tenantId());
        boolean keep = !current.isEmpty() && (Boolean) current.getFirst()[1]
                && !PresenceStatus.AWAY.name().equals(current.getFirst()[0]);
        String status = keep ? (String) current.getFirst()[0] : PresenceStatus.ONLINE.name();
        String previous = upsert(user.userId(), user.tenantId(), status, keep, now);
        if (!status.equals(previous)) {
            events.publish(new UserPresenceChanged(user.userId(), status, false, now));
        }
        return new PresenceView(user.userId(), PresenceStatus.valueOf(status), keep, now);
    }

    /** Turns the inactive away and then offline, in every company; safe to run on several instances at once. */
    @Scheduled(fixedDelayString = "${crm.identity.presence.sweep-interval:60s}", initialDelayString = "30s")
    public void sweep() {
        sweep(Instant.now());
    }

    void sweep(Instant now) {
        List<Change> changes = jdbc.query("""
                update user_presence set status = case when last_seen_at < ? then 'OFFLINE' else 'AWAY' end,
                                         manual = false, changed_at = ?
                where status <> 'OFFLINE'
                  and (last_seen_at < ? or (last_seen_at < ? and not manual and status <> 'AWAY'))
                returning user_id, tenant_id, status
                """, (row, n) -> new Change(row.getObject(1, UUID.class), row.getObject(2, UUID.class),
                row.getString(3), false, now), Timestamp.from(now.minus(OFFLINE_AFTER)), Timestamp.from(now),
                Timestamp.from(now.minus(OFFLINE_AFTER)), Timestamp.from(now.minus(AWAY_AFTER)));
        for (Change change : changes) {
            TenantContext.runAs(change.tenantId(), () -> transactions.executeWithoutResult(status ->
                    events.publish(new UserPresenceChanged(change.userId(), change.status(), false, change.at()))));
        }
    }

    /** Writes the presence and answers the status it had before (null if none). */
    private String upsert(UUID userId, UUID tenantId, String status, boolean manual, Instant now) {
        List<String> previous = jdbc.query("select status from user_presence where user_id = ? and tenant_id = ?",
                (row, n) -> row.getString(1), userId, tenantId);
        jdbc.update("""
                insert into user_presence (user_id, tenant_id, status, manual, last_seen_at, changed_at)
                values (?, ?, ?, ?, ?, ?)
                on conflict (user_id) do update set status = excluded.status, manual = excluded.manual,
                    last_seen_at = excluded.last_seen_at,
                    changed_at = case when user_presence.status = excluded.status then user_presence.changed_at
                                      else excluded.changed_at end
                where user_presence.tenant_id = excluded.tenant_id
                """, userId, tenantId, status, manual, Timestamp.from(now), Timestamp.from(now));
        return previous.isEmpty() ? null : previous.getFirst();
    }
}
