package org.opencrm.telephony.callers;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.contacts.CompanyCreated;
import org.opencrm.platform.events.contacts.CompanyDeleted;
import org.opencrm.platform.events.contacts.CompanyMerged;
import org.opencrm.platform.events.contacts.CompanyUpdated;
import org.opencrm.platform.events.contacts.ContactCreated;
import org.opencrm.platform.events.contacts.ContactDeleted;
import org.opencrm.platform.events.contacts.ContactMerged;
import org.opencrm.platform.events.contacts.ContactUpdated;
import org.opencrm.platform.starter.events.IdempotentConsumer;
import org.opencrm.platform.starter.events.IncomingEvents;
import org.opencrm.platform.starter.security.TenantContext;
import org.opencrm.telephony.config.PhoneNumbers;
import org.opencrm.telephony.config.TelephonyProperties;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the callers' cards and their phones current from contacts-service's events. Contact and company events
 * carry the card's whole state and its version: a card changes only for a newer version, so events that come out
 * of order leave the newest state. A deleted or merged-away card is kept as a tombstone without phones.
 */
@Component
class CallerProjector {

    static final String CONSUMER = "caller-cards";

    private final IncomingEvents incoming;
    private final IdempotentConsumer inbox;
    private final JdbcTemplate jdbc;
    private final TelephonyProperties properties;

    CallerProjector(IncomingEvents incoming, IdempotentConsumer inbox, JdbcTemplate jdbc,
            TelephonyProperties properties) {
        this.incoming = incoming;
        this.inbox = inbox;
        this.jdbc = jdbc;
        this.properties = properties;
    }

    @KafkaListener(id = CONSUMER, groupId = "${spring.application.name}." + CONSUMER,
            topics = {Topics.CONTACTS_CONTACT, Topics.CONTACTS_COMPANY}, batch = "true")
    void on(List<ConsumerRecord<String, byte[]>> records) {
        inbox.handleAll(records, this::onRecord);
    }

    private void onRecord(ConsumerRecord<String, byte[]> record) {
        incoming.read(record).ifPresent(event -> {
            switch (event.data()) {
                case ContactCreated c -> inbox.handle(CONSUMER, event, e -> card(c.contactId(), "CONTACT",
                        name(c.firstName(), c.lastName()), c.ownerId(), c.vip(), c.version(), phones(c.phone(), c.phones())));
                case ContactUpdated c -> inbox.handle(CONSUMER, event, e -> card(c.contactId(), "CONTACT",
                        name(c.firstName(), c.lastName()), c.ownerId(), c.vip(), c.version(), phones(c.phone(), c.phones())));
                case ContactDeleted c -> inbox.handle(CONSUMER, event, e -> gone(c.contactId(), "CONTACT"));
                case ContactMerged c -> inbox.handle(CONSUMER, event, e -> gone(c.mergedId(), "CONTACT"));
                case CompanyCreated c -> inbox.handle(CONSUMER, event, e -> card(c.companyId(), "COMPANY", c.name(),
                        c.ownerId(), false, c.version(), phones(null, c.phones())));
                case CompanyUpdated c -> inbox.handle(CONSUMER, event, e -> card(c.companyId(), "COMPANY", c.name(),
                        c.ownerId(), false, c.version(), phones(null, c.phones())));
                case CompanyDeleted c -> inbox.handle(CONSUMER, event, e -> gone(c.companyId(), "COMPANY"));
                case CompanyMerged c -> inbox.handle(CONSUMER, event, e -> gone(c.mergedId(), "COMPANY"));
                default -> {
                }
            }
        });
    }

    private void card(UUID id, String type, String name, UUID owner, boolean vip, long version, Set<String> phones) {
        UUID tenant = TenantContext.require();
        int changed = jdbc.update("""
                insert into caller_card (id, tenant_id, card_type, name, owner_id, vip, version)
                values (?, ?, ?, ?, ?, ?, ?)
                on conflict (id) do update set card_type = excluded.card_type, name = excluded.name,
                    owner_id = excluded.owner_id, vip = excluded.vip, version = excluded.version
                where caller_card.version < excluded.version and not caller_card.deleted
                  and caller_card.tenant_id = excluded.tenant_id
                """, id, tenant, type, name, owner, vip, version);
        if (changed == 0) {
            return;
        }
        jdbc.update("delete from caller_phone where card_id = ? and tenant_id = ?", id, tenant);
        for (String phone : phones) {
            jdbc.update("insert into caller_phone (tenant_id, phone, card_id) values (?, ?, ?) on conflict do nothing",
                    tenant, phone, id);
        }
    }

    private void gone(UUID id, String type) {
        UUID tenant = TenantContext.require();
        jdbc.update("""
                insert into caller_card (id, tenant_id, card_type, deleted) values (?, ?, ?, true)
                on conflict (id) do update set deleted = true where caller_card.tenant_id = excluded.tenant_id
                """, id, tenant, type);
        jdbc.update("delete from caller_phone where card_id = ? and tenant_id = ?", id, tenant);
    }

    /** Every phone in E.164 (they are announced so; normalising again costs little and forgives an old event). */
    private Set<String> phones(String primary, List<String> all) {
        Set<String> phones = new LinkedHashSet<>();
        if (primary != null) {
            PhoneNumbers.e164(primary, properties.defaultRegion()).ifPresent(phones::add);
        }
        if (all != null) {
            all.forEach(phone -> PhoneNumbers.e164(phone, properties.defaultRegion()).ifPresent(phones::add));
        }
        return phones;
    }

    private static String name(String first, String last) {
        String name = ((first == null ? "" : first) + " " + (last == null ? "" : last)).strip();
        return name.isEmpty() ? null : name;
    }
}
