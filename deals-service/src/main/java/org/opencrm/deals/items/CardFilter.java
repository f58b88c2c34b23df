package org.opencrm.deals.items;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import org.opencrm.deals.card.CardKind;
import org.opencrm.deals.deal.PaymentStatus;
import org.opencrm.platform.starter.directory.Visibility;
import org.opencrm.platform.starter.security.TenantContext;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;

/**
 * The filters the board and the list of leads and deals share (`002_*` 2.1.2, 2.1.3): responsible, source,
 * creation dates, payment status, and the search box: a number (#123), a phone's digits, or words of the
 * client's name, the title, the source detail, the comment (trigram index). Always within what the
 * caller sees. Written as SQL conditions on a lead or deal table aliased {@code x}.
 *
 * @param owner         the responsible user
 * @param unassigned    only cards without a responsible user
 * @param source        a source code, e.g. facebook
 * @param paymentStatus only deals with this payment status (no leads)
 */
public record CardFilter(UUID owner, boolean unassigned, String source, Instant createdFrom, Instant createdTo,
        PaymentStatus paymentStatus, String q, UUID contact) {

    /** No filter. */
    public static final CardFilter NONE = new CardFilter(null, false, null, null, null, null, null, null);

    private static final Pattern NUMBER = Pattern.compile("#\\s*(\\d{1,15})");
    private static final Pattern DIGITS = Pattern.compile("[\\d\\s()+-]+");

    /** Whether cards of this kind can match at all (a payment status is something only deals have). */
    public boolean admits(CardKind kind) {
        return kind == CardKind.DEAL || paymentStatus == null;
    }

    /**
     * The conditions, starting with the tenant and the caller's visibility; parameters are added to
     * {@code params} under names prefixed {@code f_}.
     */
    public String where(CardKind kind, Visibility visibility, MapSqlParameterSource params) {
        var where = new StringBuilder("x.tenant_id = :f_tenant");
        params.addValue("f_tenant", TenantContext.require());
        visibility.visibleOwners().ifPresent(owners -> {
            where.append(" and (x.owner_id is null or x.owner_id = any(:f_visibleOwners))");
            params.addValue("f_visibleOwners", owners.toArray(UUID[]::new));
        });
        if (unassigned) {
            where.append(" and x.owner_id is null");
        } else if (owner != null) {
            where.append(" and x.owner_id = :f_owner");
            params.addValue("f_owner", owner);
        }
        if (source != null && !source.isBlank()) {
            where.append(" and x.source = :f_source");
            params.addValue("f_source", source.strip());
        }
        if (createdFrom != null) {
            where.append(" and x.created_at >= :f_createdFrom");
            params.addValue("f_createdFrom", Timestamp.from(createdFrom));
        }
        if (createdTo != null) {
            where.append(" and x.created_at < :f_createdTo");
            params.addValue("f_createdTo", Timestamp.from(createdTo));
        }
        if (contact != null) {
            // the contact card's leads and deals (lead_contact_idx, deal_contact_idx)
            where.append(" and x.contact_id = :f_contact");
            params.addValue("f_contact", contact);
        }
        if (paymentStatus != null && kind == CardKind.DEAL) {
            where.append(" and x.payment_status = :f_paymentStatus");
            params.addValue("f_paymentStatus", paymentStatus.name());
        }
        if (q != null && !q.isBlank()) {
            search(q.strip(), where, params);
        }
        return where.toString();
    }

    private static void search(String typed, StringBuilder where, MapSqlParameterSource params) {
        var number = NUMBER.matcher(typed);
        if (number.matches()) {
            where.append(" and x.number = :f_number");
            params.addValue("f_number", Long.parseLong(number.group(1)));
            return;
        }
        String digits = typed.replaceAll("\\D", "");
        if (DIGITS.matcher(typed).matches() && !digits.isEmpty() && digits.length() <= 15) {
            // a number, or a part of a phone: a local number typed with its trunk zero ("099 ...") is stored "+38099..."
            String fragment = digits.length() > 5 && digits.startsWith("0") ? digits.substring(1) : digits;
            where.append(" and (x.number = :f_number or x.search_text like :f_digits)");
            params.addValue("f_number", Long.parseLong(digits)).addValue("f_digits", "%" + fragment + "%");
            return;
        }
        where.append(" and x.search_text like :f_text");
        params.addValue("f_text", "%" + typed.toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%")
                .replace("_", "\\_") + "%");
    }
}
