package org.opencrm.deals.items;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opencrm.deals.card.CardKind;
import org.opencrm.deals.pipeline.PipelineKind;
import org.opencrm.deals.pipeline.PipelineStage;
import org.opencrm.deals.pipeline.Pipelines;
import org.opencrm.platform.starter.directory.Visibility;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.NewestFirst;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The list of all leads and deals as one SQL statement per page: each kind read newest first from its own
 * (tenant, created) index up to the page's size, the two merged, then their stages and pipelines joined
 * for the page's rows only. Keyset paging on (created, id), so a page costs the same deep in the list.
 * Native SQL: the tenant is named in every branch ({@link CardFilter}).
 */
@Component
public class ItemSearch {

    private static final String LEADS = """
            select 'LEAD' as type, x.id, x.number, null as title, x.contact_name, x.phone, x.contact_id, x.company_id,
                x.pipeline_id, x.stage_id, x.status, cast(null as numeric) as amount, null as currency,
                null as payment_status, null as payment_type, x.comment, x.source, x.source_detail, x.owner_id,
                x.created_at, x.updated_at, x.version
            from lead x where\s""";

    private static final String DEALS = """
            select 'DEAL' as type, x.id, x.number, x.title, x.contact_name, null as phone, x.contact_id, x.company_id,
                x.pipeline_id, x.stage_id, x.status, x.amount, x.currency, x.payment_status, x.payment_type, x.comment,
                x.source, x.source_detail, x.owner_id, x.created_at, x.updated_at, x.version
            from deal x where\s""";

    private final NamedParameterJdbcTemplate sql;
    private final Pipelines pipelines;

    ItemSearch(NamedParameterJdbcTemplate sql, Pipelines pipelines) {
        this.sql = sql;
        this.pipelines = pipelines;
    }

    @Transactional(readOnly = true)
    public ItemPage page(ItemQuery query, Visibility visibility) {
        int limit = Math.clamp(query.limit() <= 0 ? 50 : query.limit(), 1, 200);
        List<CardKind> kinds = kinds(query);
        var params = new MapSqlParameterSource("limit", limit + 1);
        NewestFirst after = NewestFirst.decode(query.cursor());
        params.addValue("beforeAt", Timestamp.from(after.before())).addValue("beforeId", after.beforeId());
        List<String> branches = new ArrayList<>();
        for (CardKind kind : kinds) {
            if (!query.filter().admits(kind)) {
                continue;
            }
            var where = new StringBuilder(query.filter().where(kind, visibility, params));
            if (query.pipeline() != null) {
                where.append(" and x.pipeline_id = :pipeline");
                params.addValue("pipeline", query.pipeline());
            }
            if (query.stage() != null) {
                where.append(" and x.stage_id = :stage");
                params.addValue("stage", query.stage());
            }
            where.append(" and (x.created_at, x.id) < (:beforeAt, :beforeId)");
            branches.add("(" + (kind == CardKind.LEAD ? LEADS : DEALS) + where
                    + " order by x.created_at desc, x.id desc limit :limit)");
        }
        if (branches.isEmpty()) {
            return new ItemPage(List.of(), null);
        }
        String statement = "select i.*, p.code as pipeline_code, p.name as pipeline_name, s.code as stage_code,"
                + " s.name as stage_name, s.outcome as stage_outcome from (select * from ("
                + String.join(" union all ", branches) + ") u order by u.created_at desc, u.id desc limit :limit) i"
                + " join pipeline p on p.id = i.pipeline_id join stage s on s.id = i.stage_id"
                + " order by i.created_at desc, i.id desc";
        List<Item> rows = sql.query(statement, params, ItemSearch::row);
        String next = null;
        if (rows.size() > limit) {
            rows = rows.subList(0, limit);
            Item last = rows.getLast();
            next = NewestFirst.encode(last.createdAt(), last.id());
        }
        return new ItemPage(rows, next);
    }

    /** The kinds the query reads; 400 naming {@code pipeline} or {@code stage} for ones the company does not have. */
    private List<CardKind> kinds(ItemQuery query) {
        CardKind type = query.type();
        if (query.pipeline() != null) {
            PipelineKind kind = pipelines.kindOf(query.pipeline())
                    .orElseThrow(() -> InvalidFieldsException.of("pipeline", "is not a pipeline of the company"));
            type = requireType(type, kind, "pipeline");
        }
        if (query.stage() != null) {
            PipelineStage stage = pipelines.findStage(query.stage())
                    .orElseThrow(() -> InvalidFieldsException.of("stage", "is not a stage of the company"));
            if (query.pipeline() != null && !query.pipeline().equals(stage.pipelineId())) {
                throw InvalidFieldsException.of("stage", "is not a stage of pipeline " + query.pipeline());
            }
            type = requireType(type, stage.kind(), "stage");
        }
        return type == null ? List.of(CardKind.LEAD, CardKind.DEAL) : List.of(type);
    }

    private static CardKind requireType(CardKind type, PipelineKind kind, String field) {
        CardKind of = kind == PipelineKind.LEAD ? CardKind.LEAD : CardKind.DEAL;
        if (type != null && type != of) {
            throw InvalidFieldsException.of(field, "holds " + of.name().toLowerCase() + "s, not "
                    + type.name().toLowerCase() + "s");
        }
        return of;
    }

    private static Item row(ResultSet row, int n) throws SQLException {
        return new Item(CardKind.valueOf(row.getString("type")), row.getObject("id", UUID.class), row.getLong("number"),
                row.getString("title"), row.getString("contact_name"), row.getString("phone"),
                row.getObject("contact_id", UUID.class), row.getObject("company_id", UUID.class),
                row.getObject("pipeline_id", UUID.class), row.getString("pipeline_code"), row.getString("pipeline_name"),
                row.getObject("stage_id", UUID.class), row.getString("stage_code"), row.getString("stage_name"),
                row.getString("stage_outcome"), row.getString("status"), row.getBigDecimal("amount"),
                row.getString("currency"), row.getString("payment_status"), row.getString("payment_type"),
                row.getString("comment"), row.getString("source"), row.getString("source_detail"),
                row.getObject("owner_id", UUID.class), row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant(), row.getLong("version"));
    }
}
