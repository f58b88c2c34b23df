package org.opencrm.notifications;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * The outside servers of notifications-service's tests, one each per test JVM: a real SMTP server (GreenMail)
 * whose received mails the tests read, and the SMS provider's HTTP API (WireMock). The service under test is
 * pointed at them, and retries quickly.
 */
public final class TestServers {

    private static final int SMTP_PORT = freePort();
    private static GreenMail smtp = startSmtp();
    private static final WireMockServer SMS = startSms();

    private TestServers() {
    }

    /** Every mail the SMTP server received so far. */
    public static synchronized List<MimeMessage> mails() {
        return Arrays.asList(smtp.getReceivedMessages());
    }

    /** The mails received for one address. */
    public static List<MimeMessage> mailsTo(String address) {
        return mails().stream().filter(mail -> {
            try {
                return Arrays.stream(mail.getAllRecipients()).anyMatch(to -> to.toString().equalsIgnoreCase(address));
            } catch (jakarta.mail.MessagingException e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    /** Takes the SMTP server away, as an outage would. */
    public static synchronized void stopSmtp() {
        smtp.stop();
    }

    /** Brings the SMTP server back on the same port (with no mails). */
    public static synchronized void startSmtpAgain() {
        smtp = startSmtp();
    }

    public static WireMockServer sms() {
        return SMS;
    }

    private static GreenMail startSmtp() {
        var server = new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        return server;
    }

    private static WireMockServer startSms() {
        var server = new WireMockServer(WireMockConfiguration.options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return server;
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> properties() {
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.mail.host", "127.0.0.1");
        properties.put("spring.mail.port", SMTP_PORT);
        properties.put("crm.notifications.public-url", "https://crm.example.com");
        properties.put("crm.notifications.sms.url", "http://127.0.0.1:" + SMS.port() + "/v1");
        properties.put("crm.notifications.sms.token", "sms-test-token");
        properties.put("crm.notifications.sms.timeout", "3s");
        properties.put("crm.notifications.delivery.interval", "200ms");
        properties.put("crm.notifications.delivery.first-retry", "500ms");
        properties.put("crm.notifications.delivery.max-retry", "1s");
        properties.put("crm.notifications.delivery.max-attempts", "4");
        return properties;
    }

    /** Adds the servers' addresses to every {@link CrmIntegrationTest} context (the same for all: one context). */
    static final class Factory implements ContextCustomizerFactory {

        @Override
        public ContextCustomizer createContextCustomizer(Class<?> testClass,
                List<ContextConfigurationAttributes> configAttributes) {
            return TestContextAnnotationUtils.hasAnnotation(testClass, CrmIntegrationTest.class) ? new Servers() : null;
        }
    }

    private static final class Servers implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration merged) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("notificationsTestServers",
                    properties()));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Servers;
        }

        @Override
        public int hashCode() {
            return Servers.class.hashCode();
        }
    }
}
