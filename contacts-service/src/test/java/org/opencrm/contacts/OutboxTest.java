package org.opencrm.contacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.contacts.ContactDeleted;
import org.opencrm.platform.starter.events.EventPublisher;
import org.opencrm.platform.starter.security.TenantContext;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox of the platform starter, as this service uses it: a transaction's events are written in one
 * batch when it commits, and only then sent; a transaction that rolls back sends nothing, and one of its own
 * inside it (REQUIRES_NEW) keeps its events whatever the outer one does.
 */
@CrmIntegrationTest
class OutboxTest {

    @Autowired
    EventPublisher events;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    private final UUID tenant = UUID.randomUUID();

    private static ContactDeleted deleted(UUID contact) {
        return new ContactDeleted(contact, null, Instant.now());
    }

    private void inTransaction(int propagation, Runnable work) {
        var template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(propagation);
        TenantContext.runAs(tenant, () -> template.executeWithoutResult(status -> work.run()));
    }

    private static boolean names(org.apache.kafka.clients.consumer.ConsumerRecord<String, byte[]> record, UUID id) {
        return id.toString().equals(record.key());
    }

    @Test
    void aTransactionsEventsAreAllStoredAndSentAfterItCommits() {
        List<UUID> contacts = IntStream.range(0, 25).mapToObj(i -> UUID.randomUUID()).toList();
        try (var topic = TopicProbe.on(Topics.CONTACTS_CONTACT)) {
            inTransaction(TransactionDefinition.PROPAGATION_REQUIRED, () -> {
                contacts.forEach(contact -> events.publish(deleted(contact)));
                // nothing is in the outbox table before the commit: the batch is written as it commits
                assertThat(jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?",
                        Integer.class, "%" + contacts.getFirst() + "%")).isZero();
            });
            for (UUID contact : contacts) {
                topic.awaitRecord(record -> names(record, contact));
            }
            await().untilAsserted(() -> assertThat(jdbc.queryForObject("""
                    select count(*) from event_publication where completion_date is not null
                    and serialized_event like any(?)""", Integer.class,
                    (Object) contacts.stream().map(id -> "%" + id + "%").toArray(String[]::new)))
                    .isEqualTo(contacts.size()));
        }
    }

    @Test
    void aRolledBackTransactionSendsNothingButItsOwnInnerTransactionDoes() {
        UUID lost = UUID.randomUUID();
        UUID kept = UUID.randomUUID();
        UUID after = UUID.randomUUID();
        try (var topic = TopicProbe.on(Topics.CONTACTS_CONTACT)) {
            assertThatThrownBy(() -> inTransaction(TransactionDefinition.PROPAGATION_REQUIRED, () -> {
                events.publish(deleted(lost));
                inTransaction(TransactionDefinition.PROPAGATION_REQUIRES_NEW, () -> events.publish(deleted(kept)));
                throw new IllegalStateException("changed my mind");
            })).hasMessage("changed my mind");
            // same key order on one partition is not given across keys: wait for a later event, then look
            inTransaction(TransactionDefinition.PROPAGATION_REQUIRED, () -> events.publish(deleted(after)));
            topic.awaitRecord(record -> names(record, kept));
            topic.awaitRecord(record -> names(record, after));
            assertThat(topic.records(record -> names(record, lost))).isEmpty();
            assertThat(jdbc.queryForObject("select count(*) from event_publication where serialized_event like ?",
                    Integer.class, "%" + lost + "%")).isZero();
        }
    }
}
