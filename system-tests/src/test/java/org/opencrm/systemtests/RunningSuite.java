package org.opencrm.systemtests;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.opencrm.platform.test.TestDatabase;
import org.opencrm.platform.test.TestKafka;

/**
 * identity-service, contacts-service, analytics-service, deals-service, telephony-service, notifications-service and
 * the gateway as separate JVMs (the built jars), each with its own PostgreSQL database, around this JVM's real
 * Kafka broker and a real SMTP server (GreenMail) that receives what notifications-service sends: started once
 * for all system tests, stopped when the test JVM exits. Every JVM checks tokens against identity's JWKS.
 */
final class RunningSuite {

    static final TestKafka kafka = TestKafka.get();
    static final TestDatabase identityDb = TestDatabase.fresh();
    static final TestDatabase contactsDb = TestDatabase.fresh();
    static final TestDatabase analyticsDb = TestDatabase.fresh();
    static final TestDatabase dealsDb = TestDatabase.fresh();
    static final TestDatabase telephonyDb = TestDatabase.fresh();
    static final TestDatabase notificationsDb = TestDatabase.fresh();
    /** The mailbox of every address notifications-service writes to. */
    static final GreenMail mail = new GreenMail(new ServerSetup(0, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    static final ServiceProcess identity = new ServiceProcess("identity-service", Map.of());
    static final ServiceProcess contacts = new ServiceProcess("contacts-service", serviceEnvironment(contactsDb));
    static final ServiceProcess analytics = new ServiceProcess("analytics-service", serviceEnvironment(analyticsDb));
    static final ServiceProcess deals = new ServiceProcess("deals-service", serviceEnvironment(dealsDb));
    static final ServiceProcess telephony = new ServiceProcess("telephony-service", serviceEnvironment(telephonyDb));
    static final ServiceProcess notifications = new ServiceProcess("notifications-service",
            serviceEnvironment(notificationsDb));
    static final ServiceProcess gateway = new ServiceProcess("gateway", Map.of(
            "IDENTITY_URL", identity.url(),
            "CONTACTS_URL", contacts.url(),
            "ANALYTICS_URL", analytics.url(),
            "DEALS_URL", deals.url(),
            "TELEPHONY_URL", telephony.url(),
            "NOTIFICATIONS_URL", notifications.url(),
            "NOTIFICATIONS_WS_URL", notifications.url().replace("http://", "ws://"),
            "CRM_JWKS_URI", jwks(),
            // this run's own rate-limit buckets in the machine's Redis
            "SPRING_APPLICATION_JSON", "{\"crm\":{\"gateway\":{\"rate-limit\":{\"key-prefix\":\"crm-system-test:"
                    + java.util.UUID.randomUUID() + ":\"}}}}"));

    private static boolean started;

    private RunningSuite() {
    }

    static synchronized void start() {
        if (started) {
            return;
        }
        identity.environment().putAll(serviceEnvironment(identityDb));
        mail.start();
        notifications.environment().putAll(Map.of(
                "SMTP_HOST", "127.0.0.1",
                "SMTP_PORT", String.valueOf(mail.getSmtp().getPort()),
                // the links in e-mails lead to the gateway the tests use
                "CRM_PUBLIC_URL", gateway.url()));
        started = true;
        // SuiteShutdown stops it when the test session ends; the hook covers a JVM that exits otherwise
        Runtime.getRuntime().addShutdownHook(new Thread(RunningSuite::stop, "suite-stop"));
        Stream.of(identity, contacts, analytics, deals, telephony, notifications, gateway).forEach(ServiceProcess::start);
        Stream.of(identity, contacts, analytics, deals, telephony, notifications, gateway)
                .forEach(ServiceProcess::awaitReady);
    }

    /** Asks every JVM to stop at once, then waits for each (killing any that do not stop in time). */
    static synchronized void stop() {
        if (!started) {
            return;
        }
        started = false;
        var all = List.of(gateway, notifications, telephony, deals, contacts, analytics, identity);
        all.forEach(ServiceProcess::requestStop);
        all.forEach(ServiceProcess::stop);
        mail.stop();
    }

    private static String jwks() {
        return identity.url() + "/.well-known/jwks.json";
    }

    private static Map<String, String> serviceEnvironment(TestDatabase database) {
        return Map.of(
                "DB_URL", database.url(),
                "DB_USER", database.username(),
                "DB_PASSWORD", database.password(),
                "KAFKA_BOOTSTRAP_SERVERS", kafka.bootstrapServers(),
                "CRM_JWKS_URI", jwks(),
                // resend unconfirmed events soon, so an outage test does not wait for the production interval
                "SPRING_APPLICATION_JSON",
                "{\"crm\":{\"events\":{\"outbox\":{\"resubmit-interval\":\"2s\",\"resubmit-after\":\"5s\"}}}}");
    }
}
