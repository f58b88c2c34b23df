package org.opencrm.notifications.notification;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.opencrm.platform.starter.security.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Who is responsible for each deal and contact, from deals' and contacts' events: a change of owner is news for
 * the new one, and a return request goes to its deal's responsible. Only a newer version replaces what is kept.
 */
@Component
class Responsibles {

    static final String DEAL = "DEAL";
    static final String CONTACT = "CONTACT";

    /**
     * What a card event changed: {@code newer} when the event was newer than what was kept (or the card new here),
     * {@code known} when there was something kept, {@code previousOwner} its owner before.
     */
    record Change(boolean newer, boolean known, UUID previousOwner) {

        /** The owner changed to {@code owner} (and was known before, so this is a change, not a first sight). */
        boolean movedTo(UUID owner) {
            return newer && known && owner != null && !owner.equals(previousOwner);
        }
    }

    private record Kept(UUID owner, long version) {
    }

    private final JdbcTemplate jdbc;

    Responsibles(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    Change record(String cardType, UUID cardId, UUID owner, Long number, long version) {
        UUID tenant = TenantContext.require();
        List<Kept> kept = jdbc.query("""
                select owner_id, version from responsible where card_type = ? and card_id = ? and tenant_id = ?
                for update""", (row, n) -> new Kept(row.getObject("owner_id", UUID.class), row.getLong("version")),
                cardType, cardId, tenant);
        if (kept.isEmpty()) {
            int inserted = jdbc.update("""
                    insert into responsible (card_type, card_id, tenant_id, owner_id, number, version)
                    values (?, ?, ?, ?, ?, ?) on conflict do nothing""", cardType, cardId, tenant, owner, number,
                    version);
            return new Change(inserted == 1, false, null);
        }
        Kept before = kept.getFirst();
        if (version <= before.version()) {
            return new Change(false, true, before.owner());
        }
        jdbc.update("""
                update responsible set owner_id = ?, number = coalesce(?, number), version = ?
                where card_type = ? and card_id = ? and tenant_id = ?""", owner, number, version, cardType, cardId,
                tenant);
        return new Change(true, true, before.owner());
    }

    /** The deal's responsible and number, when the deal is known here. */
    Optional<Deal> deal(UUID dealId) {
        return jdbc.query("""
                select owner_id, number from responsible where card_type = 'DEAL' and card_id = ? and tenant_id = ?""",
                (row, n) -> new Deal(row.getObject("owner_id", UUID.class), (Long) row.getObject("number")), dealId,
                TenantContext.require()).stream().findFirst();
    }

    record Deal(UUID ownerId, Long number) {
    }
}
