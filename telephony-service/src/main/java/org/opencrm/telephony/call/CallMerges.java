package org.opencrm.telephony.call;

import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.contacts.CompanyMerged;
import org.opencrm.platform.events.contacts.ContactMerged;
import org.opencrm.platform.starter.events.IdempotentConsumer;
import org.opencrm.platform.starter.events.IncomingEvents;
import org.opencrm.platform.starter.security.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Calls of a contact or company merged into another now belong to the card that stays (events.md). */
@Component
class CallMerges {

    static final String CONSUMER = "call-merges";
    private static final Set<String> MERGES = Set.of(ContactMerged.TYPE, CompanyMerged.TYPE);

    private final IncomingEvents incoming;
    private final IdempotentConsumer inbox;
    private final JdbcTemplate jdbc;

    CallMerges(IncomingEvents incoming, IdempotentConsumer inbox, JdbcTemplate jdbc) {
        this.incoming = incoming;
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    @KafkaListener(id = CONSUMER, groupId = "${spring.application.name}." + CONSUMER,
            topics = {Topics.CONTACTS_CONTACT, Topics.CONTACTS_COMPANY})
    void on(ConsumerRecord<String, byte[]> record) {
        // the topics carry every change of every contact: only merges are read past their type header
        incoming.read(record, MERGES).ifPresent(event -> {
            switch (event.data()) {
                case ContactMerged merged -> inbox.handle(CONSUMER, event, e -> contact(merged.mergedId(),
                        merged.survivorId()));
                case CompanyMerged merged -> inbox.handle(CONSUMER, event, e -> jdbc.update(
                        "update call set company_id = ? where tenant_id = ? and company_id = ?", merged.survivorId(),
                        TenantContext.require(), merged.mergedId()));
                default -> {
                }
            }
        });
    }

    private void contact(UUID merged, UUID survivor) {
        UUID tenant = TenantContext.require();
        jdbc.update("update call set contact_id = ? where tenant_id = ? and contact_id = ?", survivor, tenant, merged);
        jdbc.update("""
                update call set matched_contact_ids = array(select distinct unnest(array_replace(matched_contact_ids, ?, ?)))
                where tenant_id = ? and ? = any(matched_contact_ids)""", merged, survivor, tenant, merged);
    }
}
