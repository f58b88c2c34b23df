package org.opencrm.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.AwaitilityDefaults;
import org.opencrm.platform.test.TestDatabase;
import org.opencrm.platform.test.TestKafka;

/** The event pipeline between the running services: through Kafka outages and a crash. */
@ExtendWith(AwaitilityDefaults.class)
class EventDeliveryTest {

    private static final TestKafka kafka = RunningSuite.kafka;
    private static final TestDatabase contactsDb = RunningSuite.contactsDb;
    private static final TestDatabase analyticsDb = RunningSuite.analyticsDb;
    private static final ServiceProcess contacts = RunningSuite.contacts;

    @BeforeAll
    static void startTheSuite() {
        RunningSuite.start();
    }

    @AfterAll
    static void brokerBackOn() {
        if (!kafka.isRunning()) {
            kafka.start();
        }
    }

    @Test
    void aContactCreatedThroughTheGatewayShowsUpInTheAnalyticsCounter() {
        var user = new SignedUpCompany();

        var created = user.viaGateway().post("/api/contacts", Map.of("firstName", "Mykola", "lastName", "Shevchenko"));

        assertThat(created.status()).isEqualTo(201);
        await().until(() -> user.contactCount() == 1);
        var read = user.viaGateway().get("/api/contacts/" + created.json().get("id").asString());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("lastName").asString()).isEqualTo("Shevchenko");
    }

    @Test
    void anotherTenantGetsNotFoundForTheContactThroughTheGateway() {
        var owner = new SignedUpCompany();
        var stranger = new SignedUpCompany();
        String id = owner.viaGateway().post("/api/contacts", Map.of("firstName", "Private")).json().get("id").asString();

        var response = stranger.viaGateway().get("/api/contacts/" + id);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("Private");
    }

    @Test
    void contactsCreatedWhileKafkaIsDownAreAllCountedOnceWhenItComesBack() throws Exception {
        var user = new SignedUpCompany();
        List<String> ids = new ArrayList<>();

        kafka.stop();
        try {
            for (int i = 0; i < 5; i++) {
                var created = contacts.api().withToken(user.token).post("/api/contacts", Map.of("firstName", "Offline " + i));
                assertThat(created.status()).as("writes go on while Kafka is down").isEqualTo(201);
                ids.add(created.json().get("id").asString());
            }
            assertThat(unconfirmedEvents()).as("committed, not yet confirmed").isGreaterThanOrEqualTo(5);
            // the sends give up (max.block.ms): from here on only the resubmission can deliver them
            await().until(() -> failedAtLeastOnce(ids) == 5);
        } finally {
            kafka.start();
        }

        await().until(() -> user.contactCount() == 5);
        await().until(() -> unconfirmedEvents() == 0);
        assertThat(user.contactCount()).as("redelivered events change nothing").isEqualTo(5);
        assertThat(processedEventsOf(user.tenant)).isEqualTo(5);
    }

    @Test
    void anEventCommittedByAServiceThatDiedBeforeKafkaConfirmedItIsDeliveredAfterTheRestart() throws Exception {
        var user = new SignedUpCompany();
        String id;

        kafka.stop();
        try {
            var created = contacts.api().withToken(user.token).post("/api/contacts", Map.of("firstName", "Before the crash"));
            assertThat(created.status()).isEqualTo(201);
            id = created.json().get("id").asString();
            assertThat(unconfirmedEventsFor(id)).as("committed with the contact, not confirmed").isEqualTo(1);
            contacts.kill();
        } finally {
            kafka.start();
        }
        assertThat(user.contactCount()).isZero();

        contacts.start().awaitReady();

        await().until(() -> user.contactCount() == 1);
        await().until(() -> unconfirmedEventsFor(id) == 0);
        assertThat(user.viaGateway().get("/api/contacts/" + id).status()).isEqualTo(200);
    }

    private static long unconfirmedEvents() throws SQLException {
        return count(contactsDb, "select count(*) from event_publication where completion_date is null", null);
    }

    /** Failed now, or failed and already resubmitted (which counts an attempt) while Kafka is still down. */
    private static long failedAtLeastOnce(List<String> contactIds) throws SQLException {
        long failed = 0;
        for (String id : contactIds) {
            failed += count(contactsDb, "select count(*) from event_publication where completion_date is null "
                    + "and (status = 'FAILED' or completion_attempts > 0) and serialized_event like ?", "%" + id + "%");
        }
        return failed;
    }

    private static long unconfirmedEventsFor(String contactId) throws SQLException {
        return count(contactsDb, "select count(*) from event_publication where completion_date is null "
                + "and serialized_event like ?", "%" + contactId + "%");
    }

    private static long processedEventsOf(UUID tenant) throws SQLException {
        return count(analyticsDb, "select count(*) from processed_event where tenant_id = ?::uuid", tenant.toString());
    }

    private static long count(TestDatabase database, String sql, String parameter) throws SQLException {
        try (var connection = database.connect(); var statement = connection.prepareStatement(sql)) {
            if (parameter != null) {
                statement.setString(1, parameter);
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
