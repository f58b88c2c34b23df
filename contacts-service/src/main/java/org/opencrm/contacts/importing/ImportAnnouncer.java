package org.opencrm.contacts.importing;

import java.sql.Array;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.opencrm.contacts.customfield.CardType;
import org.opencrm.contacts.point.PointKind;
import org.opencrm.platform.events.contacts.CompanyCreated;
import org.opencrm.platform.events.contacts.CompanyUpdated;
import org.opencrm.platform.events.contacts.ContactCreated;
import org.opencrm.platform.events.contacts.ContactUpdated;
import org.opencrm.platform.starter.events.EventPublisher;
import org.opencrm.platform.starter.security.TenantContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Announces the cards an import created ({@code contact.created}, {@code company.created}) or changed
 * ({@code contact.updated}, {@code company.updated}) after the import committed, a chunk per transaction
 * through the outbox ({@link EventPublisher}), with the same fields the card's service puts in them.
 * <p>
 * Why not in the import's transaction: a million outbox rows there would double its time and hold a million
 * events in memory until the commit. Why this still loses nothing: the import commits the list of cards
 * to announce ({@code contact_import_announcement}) with its rows, and each chunk removes its entries in the
 * transaction that puts their events in the outbox; an announcer that stops (shutdown, crash, Kafka down)
 * leaves the rest listed, and {@link ImportSweeper} resumes it. Chunks are taken with SKIP LOCKED, so two
 * instances resuming at once share the list rather than announce twice. Events carry the card's state as
 * it is when announced, with its version, so a consumer keeps the newest as it does for any event.
 */
@Component
class ImportAnnouncer {

    private static final Logger log = LoggerFactory.getLogger(ImportAnnouncer.class);

    private final JdbcTemplate jdbc;
    private final TransactionTemplate transactions;
    private final EventPublisher events;
    private final ImportSettings settings;

    ImportAnnouncer(JdbcTemplate jdbc, TransactionTemplate transactions, EventPublisher events, ImportSettings settings) {
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.events = events;
        this.settings = settings;
    }

    /** Announces what the import left to announce; false if it stopped before the end (the sweeper resumes it). */
    boolean announce(UUID importId, UUID tenantId, CardType card, BooleanSupplier stop) {
        return TenantContext.callAs(tenantId, () -> {
            // the backlog is counted every few chunks, as many as fit in it: counting is not free on a busy outbox
            int between = Math.max(1, settings.outboxBacklog() / settings.announceChunk() / 2);
            for (int chunks = 0; !stop.getAsBoolean(); chunks++) {
                if (chunks % between == 0 && !outboxHasRoom(stop)) {
                    log.info("Import {}: the outbox is full, its events are announced later", importId);
                    return false;
                }
                Integer announced = transactions.execute(status -> chunk(importId, tenantId, card));
                if (announced == null || announced == 0) {
                    jdbc.update("update contact_import set stage = 'DONE' where id = ? and stage = 'ANNOUNCING'"
                            + " and not exists (select 1 from contact_import_announcement where import_id = ?)",
                            importId, importId);
                    return true;
                }
            }
            return false;
        });
    }

    private int chunk(UUID importId, UUID tenantId, CardType card) {
        Map<UUID, Boolean> due = new HashMap<>();
        // taken out of the list in the transaction that puts their events in the outbox: both commit, or neither
        jdbc.query("""
                delete from contact_import_announcement where ctid = any(array(
                    select ctid from contact_import_announcement where import_id = ? limit ? for update skip locked))
                returning contact_id, created""",
                row -> {
                    due.put(row.getObject(1, UUID.class), row.getBoolean(2));
                }, importId, settings.announceChunk());
        if (due.isEmpty()) {
            return 0;
        }
        UUID[] ids = due.keySet().toArray(UUID[]::new);
        switch (card) {
            case CONTACT -> contacts(due, ids, tenantId);
            case COMPANY -> companies(due, ids, tenantId);
        }
        jdbc.update("update contact_import set announced_count = announced_count + ?, announced_at = now() where id = ?",
                ids.length, importId);
        return ids.length;
    }

    /** The phones and e-mails of the cards, each as {kind, value, search key}, in their order. */
    private Map<UUID, List<String[]>> points(String table, String cardColumn, UUID[] ids, UUID tenantId) {
        Map<UUID, List<String[]>> points = new HashMap<>();
        jdbc.query("select " + cardColumn + ", kind, value, search_key from " + table + " where " + cardColumn
                + " = any(?) and tenant_id = ? and kind in ('PHONE', 'EMAIL') order by " + cardColumn + ", position",
                row -> {
                    points.computeIfAbsent(row.getObject(1, UUID.class), id -> new ArrayList<>())
                            .add(new String[] {row.getString(2), row.getString(3), row.getString(4)});
                }, ids, tenantId);
        return points;
    }

    private void contacts(Map<UUID, Boolean> due, UUID[] ids, UUID tenantId) {
        Map<UUID, List<String[]>> points = points("contact_point", "contact_id", ids, tenantId);
        // a contact deleted since the import is not announced: its deletion was, and a late "created" would revive it
        jdbc.query("""
                select id, kind, first_name, middle_name, last_name, email, phone, owner_id, status, vip, tags, created_at,
                    updated_at, version, photo_version
                from contact where id = any(?) and tenant_id = ? and deleted_at is null""", row -> {
            UUID id = row.getObject("id", UUID.class);
            List<String[]> own = points.getOrDefault(id, List.of());
            List<String> phones = own.stream().filter(p -> p[0].equals(PointKind.PHONE.name())).map(p -> "+" + p[2]).toList();
            List<String> emails = own.stream().filter(p -> p[0].equals(PointKind.EMAIL.name())).map(p -> p[2]).toList();
            if (due.get(id)) {
                events.publish(new ContactCreated(id, row.getString("first_name"), row.getString("last_name"),
                        row.getString("email"), row.getString("phone"), row.getObject("owner_id", UUID.class),
                        row.getTimestamp("created_at").toInstant(), row.getString("middle_name"), row.getString("kind"),
                        row.getString("status"), row.getBoolean("vip"), tags(row.getArray("tags")), phones, emails,
                        row.getLong("version")));
            } else {
                events.publish(new ContactUpdated(id, row.getString("kind"), row.getString("first_name"),
                        row.getString("middle_name"), row.getString("last_name"), row.getString("email"),
                        row.getString("phone"), phones, emails, row.getObject("owner_id", UUID.class),
                        row.getString("status"), row.getBoolean("vip"), tags(row.getArray("tags")),
                        row.getTimestamp("updated_at").toInstant(), row.getLong("version"),
                        row.getString("photo_version")));
            }
        }, ids, tenantId);
    }

    /** As {@code CompanyService} announces a company: phones in E.164, e-mails by their search keys. */
    private void companies(Map<UUID, Boolean> due, UUID[] ids, UUID tenantId) {
        Map<UUID, List<String[]>> points = points("company_point", "company_id", ids, tenantId);
        // a company deleted (or merged) since the import is not announced: its deletion was
        jdbc.query("""
                select id, name, tax_id, industry, owner_id, tags, created_at, updated_at, version
                from company where id = any(?) and tenant_id = ? and deleted_at is null""", row -> {
            UUID id = row.getObject("id", UUID.class);
            List<String[]> own = points.getOrDefault(id, List.of());
            List<String> phones = own.stream().filter(p -> p[0].equals(PointKind.PHONE.name())).map(p -> "+" + p[2]).toList();
            List<String> emails = own.stream().filter(p -> p[0].equals(PointKind.EMAIL.name())).map(p -> p[2]).toList();
            if (due.get(id)) {
                events.publish(new CompanyCreated(id, row.getString("name"), row.getString("tax_id"),
                        row.getString("industry"), row.getObject("owner_id", UUID.class), tags(row.getArray("tags")),
                        phones, emails, row.getTimestamp("created_at").toInstant(), row.getLong("version")));
            } else {
                events.publish(new CompanyUpdated(id, row.getString("name"), row.getString("tax_id"),
                        row.getString("industry"), row.getObject("owner_id", UUID.class), tags(row.getArray("tags")),
                        phones, emails, row.getTimestamp("updated_at").toInstant(), row.getLong("version")));
            }
        }, ids, tenantId);
    }

    /** Waits up to half a minute for the outbox to drain below its limit. */
    private boolean outboxHasRoom(BooleanSupplier stop) {
        long deadline = System.nanoTime() + java.time.Duration.ofSeconds(30).toNanos();
        while (!stop.getAsBoolean()) {
            Long pending = jdbc.queryForObject("select count(*) from event_publication where completion_date is null",
                    Long.class);
            if (pending == null || pending < settings.outboxBacklog()) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return false;
            }
        }
        return false;
    }

    private static List<String> tags(Array array) throws SQLException {
        return array == null ? List.of() : List.of((String[]) array.getArray());
    }
}
