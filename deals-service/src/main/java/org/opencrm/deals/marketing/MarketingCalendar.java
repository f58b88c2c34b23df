package org.opencrm.deals.marketing;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.opencrm.deals.access.Access;
import org.opencrm.deals.attribution.Attribution;
import org.opencrm.platform.starter.security.TenantContext;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.ProblemDetailsAdvice.FieldProblem;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The marketing calendar (`002_*` 2.1.4-2.1.7): the promotions, discounts, promo codes and campaigns whose
 * period overlaps a range of days (a week, a month or a year: the web app's views), each with the leads and
 * deals attributed to it. One query finds the items, one grouped query per attribution column counts them.
 */
@Service
public class MarketingCalendar {

    /** The longest range asked for at once: two years, more than a year view with its edges needs. */
    static final int MAX_DAYS = 731;

    /** The most items one answer holds; {@code truncated} says when there were more. */
    static final int MAX_ITEMS = 2000;

    /**
     * One item of the calendar. {@code endDate} null: open-ended. {@code detail} is the mechanic of a promotion,
     * discount or promo code, or the channel of a campaign; {@code value}/{@code currency} its terms or budget.
     */
    public record Item(String kind, UUID id, String name, LocalDate startDate, LocalDate endDate, String detail,
            BigDecimal value, String currency, long leads, long deals, long wonDeals, List<Attribution.Money> won) {
    }

    /** The items overlapping {@code from}..{@code to} (both days included), by start date. */
    public record Calendar(LocalDate from, LocalDate to, List<String> kinds, List<Item> items, boolean truncated) {
    }

    private final Access access;
    private final Attribution attribution;
    private final NamedParameterJdbcTemplate sql;

    MarketingCalendar(Access access, Attribution attribution, NamedParameterJdbcTemplate sql) {
        this.access = access;
        this.attribution = attribution;
        this.sql = sql;
    }

    @Transactional(readOnly = true)
    public Calendar between(LocalDate from, LocalDate to, String kinds) {
        access.visibility();
        Set<CalendarKind> shown = kinds(kinds);
        List<FieldProblem> problems = new ArrayList<>();
        if (from == null) {
            problems.add(new FieldProblem("from", "is required (a date, YYYY-MM-DD)"));
        }
        if (to == null) {
            problems.add(new FieldProblem("to", "is required (a date, YYYY-MM-DD)"));
        }
        if (from != null && to != null && to.isBefore(from)) {
            problems.add(new FieldProblem("to", "is before from"));
        } else if (from != null && to != null && ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            problems.add(new FieldProblem("to", "is more than " + MAX_DAYS + " days after from"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        List<String> parts = new ArrayList<>();
        // an item overlaps the range when it starts by its last day and has not ended before its first
        String overlaps = "tenant_id = :tenant and start_date <= :to and (end_date is null or end_date >= :from)";
        if (shown.contains(CalendarKind.PROMOTION) || shown.contains(CalendarKind.DISCOUNT)) {
            parts.add("select lower(type) as kind, id, name, start_date, end_date, mechanic as detail, value, currency"
                    + " from promotion where " + overlaps + " and type = any(:types)");
        }
        if (shown.contains(CalendarKind.PROMO_CODE)) {
            parts.add("select 'promo-code' as kind, id, code as name, start_date, end_date, mechanic as detail, value,"
                    + " currency from promo_code"
                    + " where " + overlaps);
        }
        if (shown.contains(CalendarKind.CAMPAIGN)) {
            parts.add("select 'campaign' as kind, id, name, start_date, end_date, channel as detail, budget as value,"
                    + " currency from campaign where "
                    + overlaps);
        }
        List<String> types = new ArrayList<>();
        if (shown.contains(CalendarKind.PROMOTION)) {
            types.add("PROMOTION");
        }
        if (shown.contains(CalendarKind.DISCOUNT)) {
            types.add("DISCOUNT");
        }
        var params = new MapSqlParameterSource("tenant", TenantContext.require()).addValue("from", from)
                .addValue("to", to).addValue("types", types.toArray(String[]::new)).addValue("limit", MAX_ITEMS + 1);
        List<Row> rows = sql.query(String.join(" union all ", parts)
                + " order by start_date, name, id limit :limit", params, MarketingCalendar::row);
        boolean truncated = rows.size() > MAX_ITEMS;
        if (truncated) {
            rows = rows.subList(0, MAX_ITEMS);
        }
        Map<UUID, Attribution.Numbers> byCampaign = attribution.byCampaign(
                rows.stream().filter(r -> r.kind().equals("campaign")).map(Row::id).toList());
        Map<UUID, Attribution.Numbers> byPromotion = attribution.byPromotion(
                rows.stream().filter(r -> r.kind().equals("promotion") || r.kind().equals("discount")).map(Row::id)
                        .toList());
        Map<String, Attribution.Numbers> byCode = attribution.byPromoCode(
                rows.stream().filter(r -> r.kind().equals("promo-code")).map(Row::name).toList());
        List<Item> items = new ArrayList<>();
        for (Row r : rows) {
            Attribution.Numbers n = switch (r.kind()) {
                case "campaign" -> byCampaign.get(r.id());
                case "promo-code" -> byCode.get(r.name().toLowerCase(Locale.ROOT));
                default -> byPromotion.get(r.id());
            };
            n = n == null ? Attribution.Numbers.NONE : n;
            items.add(new Item(r.kind(), r.id(), r.name(), r.startDate(), r.endDate(), r.detail(), r.value(),
                    r.currency(), n.leads(), n.deals(), n.wonDeals(), n.won()));
        }
        return new Calendar(from, to, shown.stream().map(CalendarKind::code).toList(), items, truncated);
    }

    /** The kinds asked for (all when none is named); 400 naming {@code kinds} for an unknown one. */
    private static Set<CalendarKind> kinds(String kinds) {
        if (kinds == null || kinds.isBlank()) {
            return EnumSet.allOf(CalendarKind.class);
        }
        Set<CalendarKind> shown = EnumSet.noneOf(CalendarKind.class);
        for (String code : kinds.split(",")) {
            if (code.isBlank()) {
                continue;
            }
            shown.add(CalendarKind.of(code).orElseThrow(() -> InvalidFieldsException.of("kinds",
                    "names an unknown kind '" + code.strip() + "'; the kinds are promotion, discount, promo-code, campaign")));
        }
        return shown.isEmpty() ? EnumSet.allOf(CalendarKind.class) : shown;
    }

    private record Row(String kind, UUID id, String name, LocalDate startDate, LocalDate endDate, String detail,
            BigDecimal value, String currency) {
    }

    private static Row row(ResultSet row, int n) throws SQLException {
        return new Row(row.getString("kind"), row.getObject("id", UUID.class), row.getString("name"),
                row.getObject("start_date", LocalDate.class), row.getObject("end_date", LocalDate.class),
                row.getString("detail"), row.getBigDecimal("value"), row.getString("currency"));
    }
}
