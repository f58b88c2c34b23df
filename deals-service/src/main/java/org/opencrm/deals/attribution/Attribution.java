package org.opencrm.deals.attribution;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opencrm.platform.starter.security.TenantContext;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.ProblemDetailsAdvice.FieldProblem;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The leads and deals attributed to campaigns, promotions and promo codes, counted from the columns the
 * cards carry ({@code campaign_id}, {@code promotion_id}, {@code promo_code}): one grouped query for any
 * number of them, so that a list or a calendar never asks per item. The numbers a campaign ROI report needs.
 * A promo code is carried by deals only; its leads are the leads those deals were converted from.
 */
@Service
public class Attribution {

    /** An amount in one currency. */
    public record Money(String currency, BigDecimal amount) {
    }

    /**
     * What is attributed to one campaign, promotion or promo code.
     *
     * @param leads          leads that name it
     * @param convertedLeads those of them converted into deals
     * @param deals          deals that name it
     * @param wonDeals       those of them won
     * @param won            the won deals' amounts, per currency
     */
    public record Numbers(long leads, long convertedLeads, long deals, long wonDeals, List<Money> won) {

        public static final Numbers NONE = new Numbers(0, 0, 0, 0, List.of());

        /** The won amount in this currency (zero if none was won in it). */
        public BigDecimal wonIn(String currency) {
            return won.stream().filter(m -> m.currency().equals(currency)).map(Money::amount).findFirst()
                    .orElse(BigDecimal.ZERO);
        }
    }

    private final NamedParameterJdbcTemplate sql;

    Attribution(NamedParameterJdbcTemplate sql) {
        this.sql = sql;
    }

    @Transactional(readOnly = true)
    public Map<UUID, Numbers> byCampaign(Collection<UUID> ids) {
        return byColumn("campaign_id", ids);
    }

    @Transactional(readOnly = true)
    public Map<UUID, Numbers> byPromotion(Collection<UUID> ids) {
        return byColumn("promotion_id", ids);
    }

    /** By promo code, matched whatever the letter case; the map's keys are the codes in lower case. */
    @Transactional(readOnly = true)
    public Map<String, Numbers> byPromoCode(Collection<String> codes) {
        if (codes.isEmpty()) {
            return Map.of();
        }
        var params = new MapSqlParameterSource("tenant", TenantContext.require())
                .addValue("codes", codes.stream().map(c -> c.toLowerCase(Locale.ROOT)).distinct().toArray(String[]::new));
        Map<String, Builder> found = new HashMap<>();
        sql.query("""
                select lower(promo_code) as key, currency, count(*) as deals, count(*) filter (where status = 'WON') as won,
                       coalesce(sum(amount) filter (where status = 'WON'), 0) as won_amount,
                       count(lead_id) as leads
                from deal where tenant_id = :tenant and lower(promo_code) = any(:codes)
                group by lower(promo_code), currency""", params, (ResultSet row) -> {
            Builder numbers = found.computeIfAbsent(row.getString("key"), k -> new Builder());
            numbers.leads += row.getLong("leads");
            numbers.converted += row.getLong("leads");
            numbers.deal(row);
        });
        Map<String, Numbers> result = new HashMap<>();
        found.forEach((code, b) -> result.put(code, b.build()));
        return result;
    }

    /**
     * 400 naming {@code campaignId} or {@code promotionId} when a lead or deal names a campaign or promotion the
     * company does not have (another company's is unknown too); null names none.
     */
    @Transactional(readOnly = true)
    public void requireKnown(UUID campaignId, UUID promotionId) {
        List<FieldProblem> problems = new ArrayList<>();
        if (campaignId != null && !exists("campaign", campaignId)) {
            problems.add(new FieldProblem("campaignId", "is not a campaign of the company"));
        }
        if (promotionId != null && !exists("promotion", promotionId)) {
            problems.add(new FieldProblem("promotionId", "is not a promotion or discount of the company"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
    }

    /**
     * Refuses a promo code a manager puts on a deal unless it is one of the company's (in any letter case)
     * and not yet used as often as its limit allows. Deals given the same code at once take their turns (a
     * lock on the code for the rest of the transaction), so the last use is given once. Its period is not
     * checked: a manager may record a sale made while it ran. Shop orders are not checked either: the shop
     * applied the code at its checkout, and the CRM records what it did.
     */
    public void requireUsablePromoCode(String code) {
        if (code == null || code.isBlank()) {
            return;
        }
        UUID tenant = TenantContext.require();
        String key = code.strip().toLowerCase(Locale.ROOT);
        var params = new MapSqlParameterSource("tenant", tenant).addValue("code", key)
                .addValue("lock", tenant + "/promo-code/" + key);
        sql.queryForList("select pg_advisory_xact_lock(hashtextextended(:lock, 0))", params);
        List<Map<String, Object>> found = sql.queryForList("""
                select usage_limit, (select count(*) from deal d where d.tenant_id = :tenant and lower(d.promo_code) = :code)
                    as used
                from promo_code where tenant_id = :tenant and lower(code) = :code""", params);
        if (found.isEmpty()) {
            throw InvalidFieldsException.of("promoCode", "is not a promo code of the company");
        }
        Map<String, Object> row = found.getFirst();
        Number limit = (Number) row.get("usage_limit");
        if (limit != null && ((Number) row.get("used")).longValue() >= limit.longValue()) {
            throw InvalidFieldsException.of("promoCode", "has been used " + limit + " times, as often as its limit allows");
        }
    }

    private boolean exists(String table, UUID id) {
        return Boolean.TRUE.equals(sql.queryForObject("select exists (select 1 from " + table
                + " where tenant_id = :tenant and id = :id)", new MapSqlParameterSource("tenant", TenantContext.require())
                .addValue("id", id), Boolean.class));
    }

    private Map<UUID, Numbers> byColumn(String column, Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        var params = new MapSqlParameterSource("tenant", TenantContext.require())
                .addValue("ids", ids.stream().distinct().toArray(UUID[]::new));
        Map<UUID, Builder> found = new HashMap<>();
        // one round trip: the leads grouped by the column, and the deals grouped by it and their currency
        sql.query("select 'LEAD' as card, " + column + " as key, null::varchar as currency, count(*) as leads,"
                + " count(*) filter (where status = 'CONVERTED') as converted, 0 as deals, 0 as won, 0 as won_amount"
                + " from lead where tenant_id = :tenant and " + column + " = any(:ids) group by " + column
                + " union all select 'DEAL', " + column + ", currency, 0, 0, count(*),"
                + " count(*) filter (where status = 'WON'), coalesce(sum(amount) filter (where status = 'WON'), 0)"
                + " from deal where tenant_id = :tenant and " + column + " = any(:ids) group by " + column + ", currency",
                params, (ResultSet row) -> {
                    Builder numbers = found.computeIfAbsent(row.getObject("key", UUID.class), k -> new Builder());
                    if ("LEAD".equals(row.getString("card"))) {
                        numbers.leads += row.getLong("leads");
                        numbers.converted += row.getLong("converted");
                    } else {
                        numbers.deal(row);
                    }
                });
        Map<UUID, Numbers> result = new HashMap<>();
        found.forEach((id, b) -> result.put(id, b.build()));
        return result;
    }

    private static final class Builder {
        long leads;
        long converted;
        long deals;
        long wonDeals;
        final List<Money> won = new ArrayList<>();

        void deal(ResultSet row) throws SQLException {
            deals += row.getLong("deals");
            wonDeals += row.getLong("won");
            BigDecimal amount = row.getBigDecimal("won_amount");
            if (amount.signum() > 0) {
                won.add(new Money(row.getString("currency"), amount));
            }
        }

        Numbers build() {
            won.sort(Comparator.comparing(Money::currency));
            return new Numbers(leads, converted, deals, wonDeals, List.copyOf(won));
        }
    }
}
