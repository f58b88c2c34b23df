package org.opencrm.deals.pipeline;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.opencrm.platform.starter.security.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Gives a company its two funnels from `002_*` (2.1.1, 2.1.2, 2.2.3): a lead funnel and an order funnel,
 * their stages by code (the web app translates them). Runs when identity announces the company
 * ({@code tenant.created}) and, in case the board is opened before that arrives, on first use; a
 * {@code seeded_tenant} row makes it happen once per company, however the two race.
 */
@Component
class PipelineSeeder {

    private record SeedStage(String code, Outcome outcome, String color) {
    }

    private record SeedPipeline(String code, PipelineKind kind, List<SeedStage> stages) {
    }

    static final List<SeedPipeline> FUNNELS = List.of(
            new SeedPipeline("leads", PipelineKind.LEAD, List.of(
                    new SeedStage("new-request", Outcome.OPEN, "#1677ff"),
                    new SeedStage("qualification", Outcome.OPEN, "#13c2c2"),
                    new SeedStage("not-reached", Outcome.OPEN, "#faad14"),
                    new SeedStage("order-forming", Outcome.OPEN, "#722ed1"),
                    new SeedStage("ready-to-order", Outcome.OPEN, "#2f54eb"),
                    new SeedStage("converted", Outcome.WON, "#52c41a"),
                    new SeedStage("failed", Outcome.LOST, "#ff4d4f"))),
            new SeedPipeline("orders", PipelineKind.DEAL, List.of(
                    new SeedStage("new-order", Outcome.OPEN, "#1677ff"),
                    new SeedStage("order-assembly", Outcome.OPEN, "#13c2c2"),
                    new SeedStage("order-shipped", Outcome.OPEN, "#722ed1"),
                    new SeedStage("parcel-picked-up", Outcome.OPEN, "#2f54eb"),
                    new SeedStage("successful", Outcome.WON, "#52c41a"),
                    new SeedStage("failed", Outcome.LOST, "#ff4d4f"))));

    private final JdbcTemplate jdbc;
    /** Companies known to be seeded: after the first time, first use costs no query. */
    private final Set<UUID> seeded = ConcurrentHashMap.newKeySet();

    PipelineSeeder(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Seeds the current company's funnels unless that was done, in the caller's transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void ensureSeeded() {
        UUID tenant = TenantContext.require();
        if (seeded.contains(tenant)) {
            return;
        }
        Instant now = Instant.now();
        // a second seeding of the same company waits here for the first to commit, and then does nothing
        int first = jdbc.update("insert into seeded_tenant (tenant_id, seeded_at) values (?, ?) on conflict do nothing",
                tenant, Timestamp.from(now));
        if (first == 1) {
            for (SeedPipeline pipeline : FUNNELS) {
                seed(tenant, pipeline, now);
            }
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                seeded.add(tenant);
            }
        });
    }

    private void seed(UUID tenant, SeedPipeline pipeline, Instant now) {
        UUID pipelineId = UUID.randomUUID();
        int position = jdbc.queryForObject("""
                select coalesce(max(position) + 1, 0) from pipeline where tenant_id = ? and kind = ? and deleted_at is null
                """, Integer.class, tenant, pipeline.kind().name());
        int inserted = jdbc.update("""
                insert into pipeline (id, tenant_id, kind, code, position, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (tenant_id, code) where code is not null do nothing
                """, pipelineId, tenant, pipeline.kind().name(), pipeline.code(), position, Timestamp.from(now),
                Timestamp.from(now));
        if (inserted == 0) {
            return;
        }
        for (int i = 0; i < pipeline.stages().size(); i++) {
            SeedStage stage = pipeline.stages().get(i);
            jdbc.update("""
                    insert into stage (id, tenant_id, pipeline_id, code, position, outcome, color)
                    values (?, ?, ?, ?, ?, ?, ?)
                    """, UUID.randomUUID(), tenant, pipelineId, stage.code(), i, stage.outcome().name(), stage.color());
        }
    }
}
