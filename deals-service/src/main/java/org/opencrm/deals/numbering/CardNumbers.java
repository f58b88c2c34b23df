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
 * callers take a number as late in their transaction as they can.
 */
@Service
public class CardNumbers {

    private final JdbcTemplate jdbc;

    CardNumbers(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
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
