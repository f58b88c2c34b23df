package org.opencrm.deals.history;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opencrm.deals.card.CardDependents;
import org.opencrm.deals.card.CardKind;
import org.opencrm.platform.starter.security.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every move of a lead or deal between stages (card, from, to, who, when), written in the transaction of
 * the move: the stage history on the panels, and what analytics measures time in stage and conversion by.
 * A deleted card's moves go with it (analytics keeps its own account from the events).
 */
@Service
public class StageHistory implements CardDependents {

    /**
     * One move; {@code from} is null for the stage the card was created in. {@code secondsInStage}: how long
     * the card stood in the stage it entered, null while it is still there.
     */
    public record Move(UUID pipelineId, UUID fromStageId, String fromCode, String fromName, UUID toStageId,
            String toCode, String toName, String toOutcome, UUID changedBy, Instant changedAt, Long secondsInStage) {
    }

    private final JdbcTemplate jdbc;

    StageHistory(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(CardKind kind, UUID cardId, UUID pipelineId, UUID from, UUID to, UUID by, Instant at) {
        jdbc.update("""
                insert into stage_change (id, tenant_id, card_type, card_id, pipeline_id, from_stage_id, to_stage_id,
                    changed_by, changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, UUID.randomUUID(), TenantContext.require(), kind.name(), cardId, pipelineId, from, to, by,
                Timestamp.from(at));
    }

    /** The same move of many cards at once (a stage removed with its cards moved on). */
    @Transactional(propagation = Propagation.MANDATORY)
    public void recordAll(CardKind kind, List<UUID> cardIds, UUID pipelineId, UUID from, UUID to, UUID by, Instant at) {
        UUID tenant = TenantContext.require();
        jdbc.batchUpdate("""
                insert into stage_change (id, tenant_id, card_type, card_id, pipeline_id, from_stage_id, to_stage_id,
                    changed_by, changed_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, cardIds, 500, (statement, cardId) -> {
                    statement.setObject(1, UUID.randomUUID());
                    statement.setObject(2, tenant);
                    statement.setString(3, kind.name());
                    statement.setObject(4, cardId);
                    statement.setObject(5, pipelineId);
                    statement.setObject(6, from);
                    statement.setObject(7, to);
                    statement.setObject(8, by);
                    statement.setTimestamp(9, Timestamp.from(at));
                });
    }

    @Override
    @Transactional(propagation = Propagation.MANDATORY)
    public void cardDeleted(CardKind kind, UUID cardId) {
        jdbc.update("delete from stage_change where tenant_id = ? and card_type = ? and card_id = ?",
                TenantContext.require(), kind.name(), cardId);
    }

    /** The card's moves, oldest first, each with how long the card stood in the stage it entered (null: still there). */
    @Transactional(readOnly = true)
    public List<Move> of(CardKind kind, UUID cardId) {
        List<Move> moves = new ArrayList<>();
        jdbc.query("""
                select c.pipeline_id, c.from_stage_id, f.code, f.name, c.to_stage_id, t.code, t.name, t.outcome,
                    c.changed_by, c.changed_at,
                    lead(c.changed_at) over (order by c.changed_at, c.id) as left_at
                from stage_change c
                left join stage f on f.id = c.from_stage_id
                join stage t on t.id = c.to_stage_id
                where c.tenant_id = ? and c.card_type = ? and c.card_id = ?
                order by c.changed_at, c.id
                """, row -> {
                    Instant at = row.getTimestamp(10).toInstant();
                    Timestamp left = row.getTimestamp(11);
                    moves.add(new Move(row.getObject(1, UUID.class), row.getObject(2, UUID.class), row.getString(3),
                            row.getString(4), row.getObject(5, UUID.class), row.getString(6), row.getString(7),
                            row.getString(8), row.getObject(9, UUID.class), at,
                            left == null ? null : Duration.between(at, left.toInstant()).toSeconds()));
                }, TenantContext.require(), kind.name(), cardId);
        return moves;
    }
}
