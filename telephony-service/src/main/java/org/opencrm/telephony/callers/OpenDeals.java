package org.opencrm.telephony.callers;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.deals.DealCreated;
import org.opencrm.platform.events.deals.DealDeleted;
import org.opencrm.platform.events.deals.DealLost;
import org.opencrm.platform.events.deals.DealStageChanged;
import org.opencrm.platform.events.deals.DealUpdated;
import org.opencrm.platform.events.deals.DealWon;
import org.opencrm.platform.events.deals.OrderReceived;
import org.opencrm.platform.starter.events.IdempotentConsumer;
import org.opencrm.platform.starter.events.IncomingEvents;
import org.opencrm.platform.starter.security.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * The open deals of each contact and client company (their count and their sums per currency) and the time of
 * their last deal or order, from deals-service's events, so that the screen pop shows them without asking
 * deals-service. Each deal is kept with its version (an older event changes nothing); the card's figures are
 * recounted from the deals whenever one of its deals changes.
 */
@Component
class OpenDeals {

    static final String CONSUMER = "caller-deals";

    private record Deal(UUID id, BigDecimal amount, String currency, UUID contactId, UUID companyId, String status,
            long version, Instant at) {
    }

    private final IncomingEvents incoming;
    private final IdempotentConsumer inbox;
    private final JdbcTemplate jdbc;

    OpenDeals(IncomingEvents incoming, IdempotentConsumer inbox, JdbcTemplate jdbc) {
        this.incoming = incoming;
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(id = CONSUMER, groupId = "${spring.application.name}." + CONSUMER,
            topics = {Topics.DEALS_DEAL, Topics.DEALS_ORDER}, batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbox.handleAll(records, this::onRecord);
    }

    private void onRecord(ConsumerRecord<String, byte[]> record) {
        incoming.read(record).ifPresent(event -> {
            switch (event.data()) {
                case DealCreated d -> inbox.handle(CONSUMER, event, e -> keep(new Deal(d.dealId(), d.amount(),
                        d.currency(), d.contactId(), d.companyId(), d.status(), d.version(), d.createdAt())));
                case DealUpdated d -> inbox.handle(CONSUMER, event, e -> keep(new Deal(d.dealId(), d.amount(),
                        d.currency(), d.contactId(), d.companyId(), d.status(), d.version(), d.updatedAt())));
                case DealStageChanged d -> inbox.handle(CONSUMER, event, e -> keep(new Deal(d.dealId(), d.amount(),
                        d.currency(), d.contactId(), d.companyId(), d.status(), d.version(), d.changedAt())));
                case DealWon d -> inbox.handle(CONSUMER, event, e -> keep(new Deal(d.dealId(), d.amount(),
                        d.currency(), d.contactId(), d.companyId(), "WON", d.version(), d.wonAt())));
                case DealLost d -> inbox.handle(CONSUMER, event, e -> keep(new Deal(d.dealId(), d.amount(),
                        d.currency(), d.contactId(), d.companyId(), "LOST", d.version(), d.lostAt())));
                case DealDeleted d -> inbox.handle(CONSUMER, event, e -> delete(d));
                case OrderReceived o when o.contactId() != null -> inbox.handle(CONSUMER, event,
                        e -> placeholders(List.of(o.contactId()), "CONTACT", o.receivedAt(), "ORDER"));
                default -> {
                }
            }
        });
    }

    private void keep(Deal deal) {
        UUID tenant = TenantContext.require();
        Set<UUID> contacts = new LinkedHashSet<>();
        Set<UUID> companies = new LinkedHashSet<>();
        before(deal.id(), contacts, companies);
        int changed = jdbc.update("""
                insert into caller_deal (id, tenant_id, contact_id, company_id, amount, currency, status, version)
                values (?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set contact_id = excluded.contact_id, company_id = excluded.company_id,
                    amount = excluded.amount, currency = excluded.currency, status = excluded.status,
                    version = excluded.version
                where caller_deal.version <= excluded.version and not caller_deal.deleted
                  and caller_deal.tenant_id = excluded.tenant_id
                """, deal.id(), tenant, deal.contactId(), deal.companyId(), deal.amount(), deal.currency(),
                deal.status(), deal.version());
        if (changed == 0) {
            return;
        }
        if (deal.contactId() != null) {
            contacts.add(deal.contactId());
        }
        if (deal.companyId() != null) {
            companies.add(deal.companyId());
        }
        recount(contacts, companies);
        List<UUID> named = new ArrayList<>();
        if (deal.contactId() != null) {
            placeholders(List.of(deal.contactId()), "CONTACT", deal.at(), "DEAL");
        }
        if (deal.companyId() != null) {
            named.add(deal.companyId());
            placeholders(named, "COMPANY", deal.at(), "DEAL");
        }
    }

    private void delete(DealDeleted deal) {
        UUID tenant = TenantContext.require();
        Set<UUID> contacts = new LinkedHashSet<>();
        Set<UUID> companies = new LinkedHashSet<>();
        before(deal.dealId(), contacts, companies);
        jdbc.update("""
                insert into caller_deal (id, tenant_id, contact_id, company_id, amount, currency, status, version, deleted)
                values (?, ?, ?, ?, ?, ?, ?, ?, true)
                on conflict (id) do update set deleted = true where caller_deal.tenant_id = excluded.tenant_id
                """, deal.dealId(), tenant, deal.contactId(), deal.companyId(), deal.amount(), deal.currency(),
                deal.status(), deal.version());
        recount(contacts, companies);
    }

    private void before(UUID deal, Set<UUID> contacts, Set<UUID> companies) {
        for (Map<String, Object> row : jdbc.queryForList(
                "select contact_id, company_id from caller_deal where id = ? and tenant_id = ?", deal,
                TenantContext.require())) {
            if (row.get("contact_id") != null) {
                contacts.add((UUID) row.get("contact_id"));
            }
            if (row.get("company_id") != null) {
                companies.add((UUID) row.get("company_id"));
            }
        }
    }

    private void recount(Set<UUID> contacts, Set<UUID> companies) {
        contacts.forEach(id -> recount(id, "CONTACT", "contact_id"));
        companies.forEach(id -> recount(id, "COMPANY", "company_id"));
    }

    /** The card's open deals counted again (a card not known yet is created without a name, to be filled later). */
    private void recount(UUID card, String type, String column) {
        UUID tenant = TenantContext.require();
        jdbc.update("""
                insert into caller_card (id, tenant_id, card_type, open_deals, open_deals_totals)
                select ?, ?, ?, coalesce(sum(n), 0),
                       coalesce(jsonb_agg(jsonb_build_object('amount', amount::text, 'currency', currency)
                                          order by currency), '[]'::jsonb)
                from (select currency, sum(amount) as amount, count(*) as n from caller_deal
                      where tenant_id = ? and %s = ? and status = 'OPEN' and not deleted group by currency) d
                on conflict (id) do update set open_deals = excluded.open_deals,
                    open_deals_totals = excluded.open_deals_totals
                where caller_card.tenant_id = excluded.tenant_id
                """.formatted(column), card, tenant, type, tenant, card);
    }

    private void placeholders(List<UUID> cards, String type, Instant at, String channel) {
        UUID tenant = TenantContext.require();
        for (UUID card : cards) {
            jdbc.update("insert into caller_card (id, tenant_id, card_type) values (?, ?, ?) on conflict do nothing",
                    card, tenant, type);
        }
        if (at != null) {
            Callers.touch(jdbc, tenant, cards, at, channel);
        }
    }
}
