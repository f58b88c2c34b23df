package org.opencrm.deals.pipeline;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.identity.TenantCreated;
import org.opencrm.platform.starter.events.IdempotentConsumer;
import org.opencrm.platform.starter.events.IncomingEvents;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/** A company that signed up ({@code tenant.created}) gets its lead and order funnels. */
@Component
class TenantSeeding {

    static final String CONSUMER = "pipeline-seeding";

    private final IncomingEvents incoming;
    private final IdempotentConsumer inbox;
    private final PipelineSeeder seeder;

    TenantSeeding(IncomingEvents incoming, IdempotentConsumer inbox, PipelineSeeder seeder) {
        this.incoming = incoming;
        this.inbox = inbox;
        this.seeder = seeder;
    }

    @KafkaListener(id = CONSUMER, groupId = "${spring.application.name}." + CONSUMER, topics = Topics.IDENTITY_TENANT)
    void on(ConsumerRecord<String, byte[]> record) {
        incoming.read(record).ifPresent(event -> {
            if (event.data() instanceof TenantCreated) {
                inbox.handle(CONSUMER, event, e -> seeder.ensureSeeded());
            }
        });
    }
}
