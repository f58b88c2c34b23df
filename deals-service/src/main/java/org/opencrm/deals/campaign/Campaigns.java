package org.opencrm.deals.campaign;

import jakarta.persistence.EntityManager;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.opencrm.deals.access.Access;
import org.opencrm.deals.attribution.Attribution;
import org.opencrm.deals.config.DealsSettings;
import org.opencrm.deals.money.Currencies;
import org.opencrm.deals.product.Products;
import org.opencrm.platform.events.deals.CampaignCreated;
import org.opencrm.platform.events.deals.CampaignDeleted;
import org.opencrm.platform.events.deals.CampaignUpdated;
import org.opencrm.platform.starter.directory.Visibility;
import org.opencrm.platform.starter.events.EventPublisher;
import org.opencrm.platform.starter.security.TenantContext;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.MergePatch;
import org.opencrm.platform.starter.web.NotFoundException;
import org.opencrm.platform.starter.web.ProblemDetailsAdvice.FieldProblem;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.JsonNode;

/**
 * Advertising campaigns (`003_*`): a MARKETER (or an ADMIN) plans and changes them, everyone who works with
 * clients reads them with the leads and deals attributed to each (the numbers of the ROI report). Each
 * change commits with {@code campaign.created} or {@code campaign.updated}. A campaign that leads or deals
 * name is finished rather than deleted.
 */
@Service
public class Campaigns {

    /** Everything a campaign holds, as a client sends it (create, and what a merge patch applies to). */
    public record State(@NotBlank @Size(max = 200) String name, UUID productId, @NotNull Channel channel,
            @NotNull @DecimalMin("0.00") @Digits(integer = 17, fraction = 2) BigDecimal budget,
            @Size(max = 3) String currency, @NotNull LocalDate startDate, LocalDate endDate, CampaignStatus status,
            UUID ownerId, Long version) {
    }

    /**
     * A campaign as the API shows it. {@code status} is the one in force today; {@code statusSet} says a
     * marketer set it (otherwise it follows the dates). {@code roi} is (won - budget) / budget, counted only
     * from deals won in the budget's currency; null without a budget.
     */
    public record View(UUID id, String name, UUID productId, Channel channel, BigDecimal budget, String currency,
            LocalDate startDate, LocalDate endDate, CampaignStatus status, boolean statusSet, UUID ownerId,
            UUID createdBy, Instant createdAt, Instant updatedAt, long version, Attribution.Numbers attributed,
            BigDecimal roi) {
    }

    /** One page of campaigns, latest start first. */
    public record Page(List<View> items, String nextCursor) {
    }

    /** The filters of the list. */
    public record Filter(String q, CampaignStatus status, Channel channel, UUID productId, UUID ownerId,
            LocalDate activeFrom, LocalDate activeTo) {
    }

    private final CampaignRepository campaigns;
    private final Access access;
    private final Products products;
    private final Attribution attribution;
    private final EventPublisher events;
    private final MergePatch mergePatch;
    private final EntityManager entityManager;
    private final NamedParameterJdbcTemplate sql;
    private final DealsSettings settings;
    private final Clock clock = Clock.systemUTC();

    Campaigns(CampaignRepository campaigns, Access access, Products products, Attribution attribution,
            EventPublisher events, MergePatch mergePatch, EntityManager entityManager, NamedParameterJdbcTemplate sql,
            DealsSettings settings) {
        this.campaigns = campaigns;
        this.access = access;
        this.products = products;
        this.attribution = attribution;
        this.events = events;
        this.mergePatch = mergePatch;
        this.entityManager = entityManager;
        this.sql = sql;
        this.settings = settings;
    }

    /** The campaigns, latest start first, each with its attributed numbers (one grouped query for the page). */
    @Transactional(readOnly = true)
    public Page list(Filter filter, String cursor, int limit) {
        access.visibility();
        int size = Math.clamp(limit <= 0 ? 50 : limit, 1, 200);
        LocalDate today = today();
        var params = new MapSqlParameterSource("tenant", TenantContext.require()).addValue("limit", size + 1)
                .addValue("today", today);
        var where = new StringBuilder("tenant_id = :tenant");
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" and lower(name) like :q escape '\\'");
            params.addValue("q", "%" + filter.q().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\")
                    .replace("%", "\\%").replace("_", "\\_") + "%");
        }
        if (filter.status() != null) {
            where.append(" and coalesce(status, case when start_date > :today then 'PLANNED'"
                    + " when end_date < :today then 'FINISHED' else 'ACTIVE' end) = :status");
            params.addValue("status", filter.status().name());
        }
        if (filter.channel() != null) {
            where.append(" and channel = :channel");
            params.addValue("channel", filter.channel().name());
        }
        if (filter.productId() != null) {
            where.append(" and product_id = :product");
            params.addValue("product", filter.productId());
        }
        if (filter.ownerId() != null) {
            where.append(" and owner_id = :owner");
            params.addValue("owner", filter.ownerId());
        }
        if (filter.activeFrom() != null && filter.activeTo() != null && filter.activeTo().isBefore(filter.activeFrom())) {
            throw InvalidFieldsException.of("activeTo", "is before activeFrom");
        }
        if (filter.activeTo() != null) {
            where.append(" and start_date <= :activeTo");
            params.addValue("activeTo", filter.activeTo());
        }
        if (filter.activeFrom() != null) {
            where.append(" and (end_date is null or end_date >= :activeFrom)");
            params.addValue("activeFrom", filter.activeFrom());
        }
        if (cursor != null && !cursor.isBlank()) {
            String[] after = decode(cursor);
            where.append(" and (start_date, id) < (:afterDate, :afterId)");
            params.addValue("afterDate", LocalDate.parse(after[0])).addValue("afterId", UUID.fromString(after[1]));
        }
        List<Row> rows = sql.query("select id, name, product_id, channel, budget, currency, start_date, end_date, status,"
                + " owner_id, created_by, created_at, updated_at, version from campaign where " + where
                + " order by start_date desc, id desc limit :limit", params, Campaigns::row);
        String next = null;
        if (rows.size() > size) {
            rows = rows.subList(0, size);
            Row last = rows.getLast();
            next = Base64.getUrlEncoder().withoutPadding().encodeToString(
                    (last.startDate() + "\u0000" + last.id()).getBytes(StandardCharsets.UTF_8));
        }
        Map<UUID, Attribution.Numbers> numbers = attribution.byCampaign(rows.stream().map(Row::id).toList());
        List<View> items = new ArrayList<>();
        for (Row r : rows) {
            items.add(view(r, today, numbers.getOrDefault(r.id(), Attribution.Numbers.NONE)));
        }
        return new Page(items, next);
    }

    @Transactional(readOnly = true)
    public View get(UUID id) {
        access.visibility();
        return view(find(id));
    }

    @Transactional
    public View create(State state) {
        Visibility visibility = access.requireMarketer();
        Instant now = now();
        Campaign campaign = new Campaign(visibility.user().userId(), now);
        apply(campaign, state.ownerId() == null ? withOwner(state, visibility.user().userId()) : state, now);
        entityManager.persist(campaign);
        campaigns.flush();
        events.publish(new CampaignCreated(campaign.id(), campaign.name(), campaign.productId(),
                campaign.channel().name(), campaign.budget(), campaign.currency(), campaign.startDate(),
                campaign.endDate(), campaign.statusOn(today()).name(), campaign.ownerId(), campaign.createdAt(),
                campaign.version()));
        return view(campaign);
    }

    /** Applies a JSON merge patch (RFC 7396): fields left out stay, null clears ({@code status}: back to the dates). */
    @Transactional
    public View patch(UUID id, JsonNode patch) {
        access.requireMarketer();
        Campaign campaign = find(id);
        State state = mergePatch.apply(toState(campaign), patch, State.class);
        if (state.version() != null && state.version() != campaign.version()) {
            throw new OptimisticLockingFailureException("The campaign was changed by someone else; reload it.");
        }
        if (state.equals(toState(campaign))) {
            return view(campaign);
        }
        apply(campaign, state, now());
        campaigns.flush();
        events.publish(new CampaignUpdated(campaign.id(), campaign.name(), campaign.productId(),
                campaign.channel().name(), campaign.budget(), campaign.currency(), campaign.startDate(),
                campaign.endDate(), campaign.statusOn(today()).name(), campaign.ownerId(), campaign.updatedAt(),
                campaign.version()));
        return view(campaign);
    }

    /** Deletes a campaign no lead or deal names; one they name is 400 (finish it instead: its numbers stay). */
    @Transactional
    public void delete(UUID id) {
        Visibility visibility = access.requireMarketer();
        Campaign campaign = find(id);
        Attribution.Numbers numbers = attribution.byCampaign(List.of(id)).getOrDefault(id, Attribution.Numbers.NONE);
        if (numbers.leads() > 0 || numbers.deals() > 0) {
            throw InvalidFieldsException.of("id", "is named by " + numbers.leads() + " leads and " + numbers.deals()
                    + " deals; set its status to FINISHED instead");
        }
        campaigns.delete(campaign);
        campaigns.flush();
        events.publish(new CampaignDeleted(id, visibility.user().userId(), now()));
    }

    private void apply(Campaign campaign, State state, Instant now) {
        List<FieldProblem> problems = new ArrayList<>();
        String currency = null;
        try {
            currency = Currencies.code(state.currency(), settings.defaultCurrency(), "currency");
        } catch (InvalidFieldsException e) {
            problems.addAll(e.errors());
        }
        if (state.endDate() != null && state.endDate().isBefore(state.startDate())) {
            problems.add(new FieldProblem("endDate", "is before startDate"));
        }
        if (state.productId() != null && !products.find(List.of(state.productId())).containsKey(state.productId())) {
            problems.add(new FieldProblem("productId", "is not a product or service of the company"));
        }
        if (!Objects.equals(state.ownerId(), campaign.ownerId())) {
            try {
                access.requireColleague(state.ownerId(), "ownerId");
            } catch (InvalidFieldsException e) {
                problems.addAll(e.errors());
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException(problems);
        }
        campaign.apply(state.name().strip(), state.productId(), state.channel(), state.budget(), currency,
                state.startDate(), state.endDate(), state.status(), state.ownerId(), now);
    }

    private Campaign find(UUID id) {
        return campaigns.findById(id).orElseThrow(() -> new NotFoundException("Campaign", id));
    }

    private View view(Campaign c) {
        Row row = new Row(c.id(), c.name(), c.productId(), c.channel(), c.budget(), c.currency(), c.startDate(),
                c.endDate(), c.status(), c.ownerId(), c.createdBy(), c.createdAt(), c.updatedAt(), c.version());
        return view(row, today(), attribution.byCampaign(List.of(c.id())).getOrDefault(c.id(), Attribution.Numbers.NONE));
    }

    private static View view(Row r, LocalDate today, Attribution.Numbers numbers) {
        BigDecimal roi = r.budget().signum() == 0 ? null
                : numbers.wonIn(r.currency()).subtract(r.budget()).divide(r.budget(), 4, RoundingMode.HALF_UP);
        return new View(r.id(), r.name(), r.productId(), r.channel(), r.budget(), r.currency(), r.startDate(),
                r.endDate(), r.status() != null ? r.status() : CampaignStatus.of(r.startDate(), r.endDate(), today),
                r.status() != null, r.ownerId(), r.createdBy(), r.createdAt(), r.updatedAt(), r.version(), numbers, roi);
    }

    private record Row(UUID id, String name, UUID productId, Channel channel, BigDecimal budget, String currency,
            LocalDate startDate, LocalDate endDate, CampaignStatus status, UUID ownerId, UUID createdBy,
            Instant createdAt, Instant updatedAt, long version) {
    }

    private static Row row(ResultSet row, int n) throws SQLException {
        String status = row.getString("status");
        return new Row(row.getObject("id", UUID.class), row.getString("name"), row.getObject("product_id", UUID.class),
                Channel.valueOf(row.getString("channel")), row.getBigDecimal("budget"), row.getString("currency"),
                row.getObject("start_date", LocalDate.class), row.getObject("end_date", LocalDate.class),
                status == null ? null : CampaignStatus.valueOf(status), row.getObject("owner_id", UUID.class),
                row.getObject("created_by", UUID.class), row.getTimestamp("created_at").toInstant(),
                row.getTimestamp("updated_at").toInstant(), row.getLong("version"));
    }

    private static State toState(Campaign c) {
        return new State(c.name(), c.productId(), c.channel(), c.budget(), c.currency(), c.startDate(), c.endDate(),
                c.status(), c.ownerId(), null);
    }

    private static State withOwner(State s, UUID owner) {
        return new State(s.name(), s.productId(), s.channel(), s.budget(), s.currency(), s.startDate(), s.endDate(),
                s.status(), owner, s.version());
    }

    private static String[] decode(String cursor) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\u0000", 2);
            LocalDate.parse(parts[0]);
            UUID.fromString(parts[1]);
            return parts;
        } catch (RuntimeException e) {
            throw InvalidFieldsException.of("cursor", "is not a cursor of this list; start from the first page");
        }
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(ZoneOffset.UTC));
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
