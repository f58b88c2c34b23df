package org.opencrm.deals.board;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencrm.deals.access.Access;
import org.opencrm.deals.card.CardKind;
import org.opencrm.deals.items.CardFilter;
import org.opencrm.deals.pipeline.PipelineKind;
import org.opencrm.deals.pipeline.PipelineStage;
import org.opencrm.deals.pipeline.Pipelines;
import org.opencrm.platform.starter.directory.Visibility;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.NewestFirst;
import org.opencrm.platform.starter.web.NotFoundException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The kanban board of a lead or deal pipeline in two statements, whatever the number of stages or cards:
 * one grouped query for every column's count and sums per currency (for deals read from an index that
 * holds the amounts, so 100,000 deals are counted without touching the table), and one for the first
 * page of every column (a lateral join, newest first, each column from the (tenant, stage, created) index).
 * More of a column comes a page at a time on its keyset cursor. No query per card.
 */
@Service
class Board {

    static final int PAGE = 20;

    private static final String LEAD_CARD = """
            x.id, x.number, null as title, x.contact_name, x.phone, cast(null as numeric) as amount, null as currency,
            x.owner_id, null as payment_status, null as payment_type, x.source, x.source_detail, x.status, x.created_at,
            x.version""";

    private static final String DEAL_CARD = """
            x.id, x.number, x.title, x.contact_name, null as phone, x.amount, x.currency, x.owner_id, x.payment_status,
            x.payment_type, x.source, x.source_detail, x.status, x.created_at, x.version""";

    private final NamedParameterJdbcTemplate sql;
    private final Pipelines pipelines;
    private final Access access;

    Board(NamedParameterJdbcTemplate sql, Pipelines pipelines, Access access) {
        this.sql = sql;
        this.pipelines = pipelines;
        this.access = access;
    }

    @Transactional(readOnly = true)
    public BoardView of(UUID pipelineId, CardFilter filter) {
        Visibility visibility = access.visibility();
        List<PipelineStage> stages = pipelines.stagesOf(pipelineId);
        CardKind kind = kind(stages, filter);
        UUID[] stageIds = stages.stream().map(PipelineStage::id).toArray(UUID[]::new);

        var params = new MapSqlParameterSource("stages", stageIds).addValue("pipeline", pipelineId)
                .addValue("limit", PAGE + 1);
        String where = filter.where(kind, visibility, params);
        planForTheBoard();
        Map<UUID, Long> counts = new HashMap<>();
        Map<UUID, List<BoardView.Sum>> sums = new HashMap<>();
        String totals = kind == CardKind.DEAL
                ? "select x.stage_id, x.currency, count(*), sum(x.amount) from deal x where " + where
                        + " and x.pipeline_id = :pipeline group by x.stage_id, x.currency order by x.stage_id, x.currency"
                : "select x.stage_id, null, count(*), null from lead x where " + where
                        + " and x.stage_id = any(:stages) group by x.stage_id";
        sql.query(totals, params, row -> {
            UUID stage = row.getObject(1, UUID.class);
            counts.merge(stage, row.getLong(3), Long::sum);
            BigDecimal sum = row.getBigDecimal(4);
            if (sum != null) {
                sums.computeIfAbsent(stage, s -> new ArrayList<>()).add(new BoardView.Sum(row.getString(2), sum));
            }
        });

        Map<UUID, List<BoardView.Card>> cards = new HashMap<>();
        sql.query("select s.id as column_id, " + (kind == CardKind.DEAL ? DEAL_CARD : LEAD_CARD).replace("x.", "c.")
                + " from unnest(cast(:stages as uuid[])) as s(id) cross join lateral (select x.* from "
                + table(kind) + " x where " + where + " and x.stage_id = s.id"
                + " order by x.created_at desc, x.id desc limit :limit) c", params, row -> {
            cards.computeIfAbsent(row.getObject("column_id", UUID.class), s -> new ArrayList<>()).add(card(row));
        });

        List<BoardView.Column> columns = new ArrayList<>();
        for (PipelineStage stage : stages) {
            List<BoardView.Card> page = cards.getOrDefault(stage.id(), List.of());
            String next = null;
            if (page.size() > PAGE) {
                page = page.subList(0, PAGE);
                next = NewestFirst.encode(page.getLast().createdAt(), page.getLast().id());
            }
            columns.add(new BoardView.Column(stage.id(), stage.code(), stage.name(), stage.outcome(), stage.color(),
                    counts.getOrDefault(stage.id(), 0L), sums.getOrDefault(stage.id(), List.of()), page, next));
        }
        return new BoardView(pipelineId, kind, columns);
    }

    /** The next page of one column, after {@code cursor}. */
    @Transactional(readOnly = true)
    public BoardView.CardPage column(UUID pipelineId, UUID stageId, CardFilter filter, String cursor) {
        Visibility visibility = access.visibility();
        List<PipelineStage> stages = pipelines.stagesOf(pipelineId);
        if (stages.stream().noneMatch(s -> s.id().equals(stageId))) {
            throw new NotFoundException("Stage", stageId);
        }
        CardKind kind = kind(stages, filter);
        NewestFirst after = NewestFirst.decode(cursor);
        var params = new MapSqlParameterSource("stage", stageId).addValue("limit", PAGE + 1)
                .addValue("beforeAt", Timestamp.from(after.before())).addValue("beforeId", after.beforeId());
        List<BoardView.Card> page = sql.query("select " + (kind == CardKind.DEAL ? DEAL_CARD : LEAD_CARD) + " from "
                + table(kind) + " x where " + filter.where(kind, visibility, params)
                + " and x.stage_id = :stage and (x.created_at, x.id) < (:beforeAt, :beforeId)"
                + " order by x.created_at desc, x.id desc limit :limit", params, (row, n) -> card(row));
        String next = null;
        if (page.size() > PAGE) {
            page = page.subList(0, PAGE);
            next = NewestFirst.encode(page.getLast().createdAt(), page.getLast().id());
        }
        return new BoardView.CardPage(page, next);
    }

    /**
     * For this transaction: no parallel workers, and index pages priced as what they are here (in memory). A
     * board is a short query that many users run at once; with PostgreSQL's defaults the planner read a
     * pipeline of 100,000 deals whole, in parallel (4,500 pages, 50-60 ms on two busy cores), where the
     * covering index answers alone (1,200 pages, 20-25 ms).
     */
    private void planForTheBoard() {
        sql.getJdbcTemplate().queryForObject("select set_config('max_parallel_workers_per_gather', '0', true)"
                + " || set_config('random_page_cost', '1.1', true)", String.class);
    }

    private static CardKind kind(List<PipelineStage> stages, CardFilter filter) {
        CardKind kind = stages.getFirst().kind() == PipelineKind.LEAD ? CardKind.LEAD : CardKind.DEAL;
        if (!filter.admits(kind)) {
            throw InvalidFieldsException.of("paymentStatus", "filters deals; this is a lead pipeline");
        }
        return kind;
    }

    private static String table(CardKind kind) {
        return kind == CardKind.DEAL ? "deal" : "lead";
    }

    private static BoardView.Card card(ResultSet row) throws SQLException {
        return new BoardView.Card(row.getObject("id", UUID.class), row.getLong("number"), row.getString("title"),
                row.getString("contact_name"), row.getString("phone"), row.getBigDecimal("amount"),
                row.getString("currency"), row.getObject("owner_id", UUID.class), row.getString("payment_status"),
                row.getString("payment_type"), row.getString("source"), row.getString("source_detail"),
                row.getString("status"), row.getTimestamp("created_at").toInstant(), row.getLong("version"));
    }
}
