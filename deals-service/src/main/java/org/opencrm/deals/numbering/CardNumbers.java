package org.opencrm.deals.numbering;

import org.opencrm.deals.card.CardKind;
import org.opencrm.platform.starter.security.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The numbers of a company's leads and deals (#123 on a card), each kind counting from 1. The counter
 * row is locked until the creating transaction ends, so numbers are given without gaps or repeats;
 * callers take a number as late in their transaction as they can. Shop order batches, which create many deals
 * at once under load, reserve their block in a short transaction of its own instead ({@link #reserve}).
 */
@Service
public class CardNumbers {

    private final JdbcTemplate jdbc;

    CardNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** Numbers first .. first + size - 1. */
    public record Block(long first, int size) {
    }

    /**
     * Reserves a block of numbers and commits at once, so that concurrent creators hold the counter for that
     * moment only: holding it until their own commit made shop order batches queue one behind the other. Call
     * it outside a transaction (a nested one would take a second connection); numbers of a creation that
     * fails afterwards are not given again, which leaves a gap.
     */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public Block reserve(CardKind kind, int size) {
        if (size <= 0) {
            return new Block(0, 0);
        }
        Long last = jdbc.queryForObject("""
                insert into card_number (tenant_id, kind, last) values (?, ?, ?)
                on conflict (tenant_id, kind) do update set last = card_number.last + excluded.last
                returning last
                """, Long.class, TenantContext.require(), kind.name(), (long) size);
        return new Block(last - size + 1, size);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public long next(CardKind kind) {
        Long number = jdbc.queryForObject("""
                insert into card_number (tenant_id, kind, last) values (?, ?, 1)
                on conflict (tenant_id, kind) do update set last = card_number.last + 1
                returning last
                """, Long.class, TenantContext.require(), kind.name());
        return number == null ? 1 : number;
    }
}
