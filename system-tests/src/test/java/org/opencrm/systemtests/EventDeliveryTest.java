package org.opencrm.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.AwaitilityDefaults;
import org.opencrm.platform.test.TestDatabase;
import org.opencrm.platform.test.TestKafka;

/**
 * identity-service, contacts-service, analytics-service and the gateway as separate JVMs (the built jars),
 * each with its own PostgreSQL database, around this JVM's real Kafka broker, which the tests stop and
 * start. Users sign up through the gateway and get real tokens, which every JVM checks against
 * identity's JWKS; the effect of what they do is read back from analytics-service's counter.
 */
@ExtendWith(AwaitilityDefaults.class)
class EventDeliveryTest {

    private static final TestKafka kafka = TestKafka.get();
    private static final TestDatabase identityDb = TestDatabase.fresh();
    private static final TestDatabase contactsDb = TestDatabase.fresh();
    private static final TestDatabase analyticsDb = TestDatabase.fresh();
    private static ServiceProcess identity;
    private static ServiceProcess contacts;
    private static ServiceProcess analytics;
    private static ServiceProcess gateway;

    @BeforeAll
    static void startTheSuite() {
        identity = new ServiceProcess("identity-service", Map.of());
        identity.environment().putAll(serviceEnvironment(identityDb, identity));
        contacts = new ServiceProcess("contacts-service", serviceEnvironment(contactsDb, identity));
        analytics = new ServiceProcess("analytics-service", serviceEnvironment(analyticsDb, identity));
        gateway = new ServiceProcess("gateway", Map.of(
                "IDENTITY_URL", identity.url(),
                "CONTACTS_URL", contacts.url(),
                "ANALYTICS_URL", analytics.url(),
                "CRM_JWKS_URI", jwks(identity)));
        Stream.of(identity, contacts, analytics, gateway).forEach(ServiceProcess::start);
        Stream.of(identity, contacts, analytics, gateway).forEach(ServiceProcess::awaitReady);
    }

    @AfterAll
    static void stopTheSuite() {
        Stream.of(gateway, contacts, analytics, identity).filter(p -> p != null).forEach(ServiceProcess::stop);
        if (!kafka.isRunning()) {
            kafka.start();
        }
    }

    @Test
    void aContactCreatedThroughTheGatewayShowsUpInTheAnalyticsCounter() {
        var user = new User();

        var created = user.viaGateway().post("/api/contacts", Map.of("firstName", "Mykola", "lastName", "Shevchenko"));

        assertThat(created.status()).isEqualTo(201);
        await().until(() -> user.contactCount() == 1);
        var read = user.viaGateway().get("/api/contacts/" + created.json().get("id").asString());
        assertThat(read.status()).isEqualTo(200);
        assertThat(read.json().get("lastName").asString()).isEqualTo("Shevchenko");
    }

    @Test
    void anotherTenantGetsNotFoundForTheContactThroughTheGateway() {
        var owner = new User();
        var stranger = new User();
        String id = owner.viaGateway().post("/api/contacts", Map.of("firstName", "Private")).json().get("id").asString();

        var response = stranger.viaGateway().get("/api/contacts/" + id);

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.body()).doesNotContain("Private");
    }

    @Test
    void contactsCreatedWhileKafkaIsDownAreAllCountedOnceWhenItComesBack() throws Exception {
        var user = new User();
        List<String> ids = new ArrayList<>();

        kafka.stop();
        try {
            for (int i = 0; i < 5; i++) {
                var created = contacts.api().withToken(user.token).post("/api/contacts", Map.of("firstName", "Offline " + i));
                assertThat(created.status()).as("writes go on while Kafka is down").isEqualTo(201);
                ids.add(created.json().get("id").asString());
            }
            assertThat(unconfirmedEvents()).as("committed, not yet confirmed").isGreaterThanOrEqualTo(5);
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
        var user = new User();
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

    private static String jwks(ServiceProcess identity) {
        return identity.url() + "/.well-known/jwks.json";
    }

    private static Map<String, String> serviceEnvironment(TestDatabase database, ServiceProcess identity) {
        return Map.of(
                "DB_URL", database.url(),
                "DB_USER", database.username(),
                "DB_PASSWORD", database.password(),
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "CRM_JWKS_URI", jwks(identity),
                // resend unconfirmed events soon, so an outage test does not wait for the production interval
                "SPRING_APPLICATION_JSON",
                "{\"crm\":{\"events\":{\"outbox\":{\"resubmit-interval\":\"2s\",\"resubmit-after\":\"5s\"}}}}");
    }

    private static long unconfirmedEvents() throws SQLException {
        return count(contactsDb, "select count(*) from event_publication where completion_date is null", null);
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

    /** The administrator of a company that just signed up through the gateway. */
    private static final class User {

        final UUID tenant;
        final String token;

        User() {
            var signup = gateway.api().post("/api/identity/signup", Map.of("companyName", "Company " + UUID.randomUUID(),
                    "fullName", "Iryna Bondar", "email", "iryna-" + UUID.randomUUID() + "@example.com",
                    "password", "a long enough password"));
            assertThat(signup.status()).as(signup.body()).isEqualTo(201);
            tenant = UUID.fromString(signup.json().get("tenantId").asString());
            token = signup.json().get("accessToken").asString();
        }

        ApiClient viaGateway() {
            return gateway.api().withToken(token);
        }

        long contactCount() {
            var response = viaGateway().get("/api/analytics/counters");
            return response.status() == 200 ? response.json().get("contacts").asLong() : -1;
        }
    }
}
