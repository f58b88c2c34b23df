package org.opencrm.telephony.callers;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.opencrm.platform.events.telephony.CallerCard;
import org.opencrm.platform.starter.security.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who is calling: the company's contacts and client companies with the caller's number, from telephony's own
 * projection of contacts-service's and deals-service's events (no call to another service while the phone
 * rings). One indexed lookup of the number gives every matching card with what the screen pop shows.
 */
@Service
public class Callers {

    /** How many matching cards a pop-up offers at most. */
    static final int MAX_MATCHES = 20;

    /**
     * What the number matched.
     *
     * @param cards       every matching card, contacts first (a company's card has no contactId)
     * @param contactIds  the matching contacts
     * @param contactId   the contact, when exactly one matched
     * @param contactName its name
     * @param companyId   the client company, when no contact and exactly one company matched
     */
    public record Recognition(List<CallerCard> cards, List<UUID> contactIds, UUID contactId, String contactName,
            UUID companyId) {

        public static final Recognition NOBODY = new Recognition(List.of(), List.of(), null, null, null);
    }

    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    Callers(JdbcTemplate jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The cards with this E.164 number in the current company; {@link Recognition#NOBODY} for a new number. */
    public Recognition recognise(String e164) {
        if (e164 == null) {
            return Recognition.NOBODY;
        }
        List<CallerCard> cards = jdbc.query("""
                select c.id, c.card_type, c.name, c.owner_id, c.vip, c.open_deals, c.open_deals_totals::text,
                       c.last_interaction_at, c.last_interaction_channel
                from caller_phone p join caller_card c on c.id = p.card_id
                where p.tenant_id = ? and p.phone = ? and not c.deleted
                order by c.card_type = 'CONTACT' desc, c.name, c.id
                limit ?""", this::card, TenantContext.require(), e164, MAX_MATCHES);
        List<UUID> contacts = cards.stream().map(CallerCard::contactId).filter(id -> id != null).toList();
        List<CallerCard> companies = cards.stream().filter(card -> card.contactId() == null).toList();
        CallerCard single = contacts.size() == 1 ? cards.getFirst() : null;
        UUID company = contacts.isEmpty() && companies.size() == 1 ? companies.getFirst().companyId() : null;
        return new Recognition(cards, contacts, single == null ? null : single.contactId(),
                single == null ? null : single.name(), company);
    }

    /** The cards had an interaction (a call) at that time, if it is their latest one. */
    public void touched(List<UUID> cardIds, Instant at, String channel) {
        if (!cardIds.isEmpty()) {
            touch(jdbc, TenantContext.require(), cardIds, at, channel);
        }
    }

    static void touch(JdbcTemplate jdbc, UUID tenant, List<UUID> cardIds, Instant at, String channel) {
        jdbc.update("""
                update caller_card set last_interaction_at = ?, last_interaction_channel = ?
                where tenant_id = ? and id = any(?) and (last_interaction_at is null or last_interaction_at <= ?)
                """, Timestamp.from(at), channel, tenant, cardIds.toArray(UUID[]::new), Timestamp.from(at));
    }

    private CallerCard card(ResultSet row, int n) throws SQLException {
        UUID id = row.getObject("id", UUID.class);
        boolean contact = "CONTACT".equals(row.getString("card_type"));
        List<CallerCard.Amount> totals = new ArrayList<>();
        for (JsonNode amount : json.readTree(row.getString("open_deals_totals"))) {
            totals.add(new CallerCard.Amount(new BigDecimal(amount.get("amount").asString()).setScale(2),
                    amount.get("currency").asString()));
        }
        Timestamp last = row.getTimestamp("last_interaction_at");
        String name = row.getString("name");
        return new CallerCard(contact ? id : null, name, contact ? null : id, contact ? null : name,
                row.getObject("owner_id", UUID.class), row.getBoolean("vip"), row.getInt("open_deals"), totals,
                last == null ? null : last.toInstant(), row.getString("last_interaction_channel"));
    }
}
