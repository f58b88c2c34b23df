package org.opencrm.telephony.call;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencrm.platform.starter.security.TenantContext;
import org.opencrm.telephony.config.TelephonyProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Declares a call missed once it ended unanswered and {@code crm.telephony.missed-grace} passed since this
 * service learnt it ended: an ANSWERED the exchange sent before its ENDED but that arrived after it still
 * makes the call answered (call.ended) instead. Any instance may run it; each call is taken under its lock.
 */
@Component
class MissedCalls {

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final CallRepository calls;
    private final CallNotices notices;
    private final CallLifecycle lifecycle;
    private final TelephonyProperties properties;

    MissedCalls(JdbcTemplate jdbc, TransactionTemplate transactions, CallRepository calls, CallNotices notices,
            CallLifecycle lifecycle, TelephonyProperties properties) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.calls = calls;
        this.notices = notices;
        this.lifecycle = lifecycle;
        this.properties = properties;
    }

    @Scheduled(fixedDelayString = "${crm.telephony.missed-sweep-interval:500ms}", initialDelayString = "1s")
    void sweep() {
        List<Map<String, Object>> due = jdbc.queryForList("""
                select id, tenant_id, exchange_call_id from call
                where outcome_raised is null and ended_seen_at is not null and ended_seen_at <= ?
                order by ended_seen_at limit 200""", Timestamp.from(Instant.now().minus(properties.missedGrace())));
        for (Map<String, Object> row : due) {
            UUID tenant = (UUID) row.get("tenant_id");
            UUID id = (UUID) row.get("id");
            TenantContext.runAs(tenant, () -> transactions.executeWithoutResult(status -> {
                lifecycle.lock(tenant, (String) row.get("exchange_call_id"));
                calls.findById(id).ifPresent(call -> {
                    if (call.status() == CallStatus.MISSED) {
                        notices.missed(call);
                    } else if (call.status() == CallStatus.ENDED) {
                        notices.follow(call);
                    }
                });
            }));
        }
    }
}
