package org.opencrm.analytics.counters;

import java.util.Set;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opencrm.platform.events.EventEnvelope;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.contacts.ContactCreated;
import org.opencrm.platform.starter.events.IdempotentConsumer;
import org.opencrm.platform.starter.events.IncomingEvents;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** Counts each tenant's contacts from {@code contact.created}, once per event however often it arrives. */
@Component
class CounterProjector {

    static final String CONSUMER = "tenant-counters";
    private static final Set<String> CREATED = Set.of(ContactCreated.TYPE);

    private final IncomingEvents incoming;
    private final IdempotentConsumer inbox;
    private final JdbcTemplate jdbc;

    CounterProjector(IncomingEvents incoming, IdempotentConsumer inbox, JdbcTemplate jdbc) {
        this.incoming = incoming;
        this.inbox = inbox;
        this.jdbc = jdbc;
    }

    // the group is the service's and the projector's name: another service may keep a projector of the same name
    @KafkaListener(id = CONSUMER, groupId = "${spring.application.name}." + CONSUMER, topics = Topics.CONTACTS_CONTACT)
    void on(ConsumerRecord<String, byte[]> record) {
        incoming.read(record, CREATED)
                .ifPresent(event -> inbox.handle(CONSUMER, event, this::countContact));
    }

    private void countContact(EventEnvelope event) {
        jdbc.update("""
                insert into tenant_counters (id, tenant_id, contacts, updated_at)
                values (gen_random_uuid(), ?, 1, now())
                on conflict (tenant_id) do update
                set contacts = tenant_counters.contacts + 1, updated_at = now()
                """, event.tenantId());
    }
}
