package org.opencrm.notifications.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.opencrm.notifications.Company;
import org.opencrm.notifications.Golden;
import org.opencrm.notifications.TestServers;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.contacts.CommentAdded;
import org.opencrm.platform.events.identity.PasswordResetRequested;
import org.opencrm.platform.events.identity.UserInvited;
import org.opencrm.platform.events.notifications.EmailFailed;
import org.opencrm.platform.events.notifications.EmailSent;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TestTokens;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/** E-mails through a real SMTP server (GreenMail), in the recipient's language, sent once, retried, logged. */
@CrmIntegrationTest
class EmailTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    private static String text(MimeMessage mail) {
        try {
            return mail.getContent().toString();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage mail) {
        try {
            return mail.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static UserInvited invitation(Company company, String email, String language) {
        return new UserInvited(UUID.randomUUID(), email, "MANAGER", null, company.admin,
                "/accept-invitation?token=tok-" + language, Instant.parse("2026-12-01T09:00:00Z"), language);
    }

    private static List<JsonNode> log(ApiClient admin, String query) {
        var response = admin.get("/api/notifications/emails" + query);
        assertThat(response.status()).as(response.toString()).isEqualTo(200);
        return StreamSupport.stream(response.json().get("items").spliterator(), false).toList();
    }

    @Test
    void anInvitationIsMailedOnceInTheInvitersLanguageWithTheFullAcceptLink() throws Exception {
        Company company = new Company(port, jdbc);
        try (var topic = TopicProbe.on(Topics.NOTIFICATIONS_NOTIFICATION)) {
            UUID eventId = UUID.randomUUID();
            var invited = invitation(company, "taras@invite-uk.example", "uk");
            TopicProbe.publish(invited, company.tenant, company.admin, eventId);
            TopicProbe.publish(invited, company.tenant, company.admin, eventId); // delivered twice
            company.publish(invitation(company, "ann@invite-en.example", "en"), company.admin);
            company.publish(invitation(company, "ivan@invite-ru.example", "ru"), company.admin);

            MimeMessage uk = await().until(() -> TestServers.mailsTo("taras@invite-uk.example"), m -> !m.isEmpty())
                    .getFirst();
            assertThat(subject(uk)).isEqualTo("Запрошення до Kovalenko Trading LLC");
            assertThat(text(uk)).contains("https://crm.example.com/accept-invitation?token=tok-uk")
                    .contains("Прийміть запрошення").contains("2026-12-01 09:00 UTC");
            MimeMessage en = await().until(() -> TestServers.mailsTo("ann@invite-en.example"), m -> !m.isEmpty())
                    .getFirst();
            assertThat(subject(en)).isEqualTo("Invitation to Kovalenko Trading LLC");
            assertThat(text(en)).contains("https://crm.example.com/accept-invitation?token=tok-en");
            MimeMessage ru = await().until(() -> TestServers.mailsTo("ivan@invite-ru.example"), m -> !m.isEmpty())
                    .getFirst();
            assertThat(subject(ru)).isEqualTo("Приглашение в Kovalenko Trading LLC");
            assertThat(text(ru)).contains("https://crm.example.com/accept-invitation?token=tok-ru")
                    .contains("Примите приглашение");
            assertThat(uk.getFrom()[0].toString()).contains("no-reply@opencrm.local");

            var sent = topic.awaitRecord(Golden.of(EmailSent.TYPE, "recipient", "taras@invite-uk.example"));
            JsonNode event = Golden.matches(sent, EmailSent.TYPE);
            assertThat(event.get("template").asString()).isEqualTo("invitation");
            assertThat(event.get("language").asString()).isEqualTo("uk");
            assertThat(event.get("attempts").asInt()).isEqualTo(1);
            assertThat(event.get("subject").asString()).isEqualTo("Запрошення до Kovalenko Trading LLC");

            await().during(Duration.ofSeconds(1)).until(() ->
                    TestServers.mailsTo("taras@invite-uk.example").size() == 1);
            var logged = log(company.admin(), "?channel=EMAIL");
            assertThat(logged).hasSize(3).allSatisfy(m -> {
                assertThat(m.get("status").asString()).isEqualTo("SENT");
                assertThat(m.get("attempts").asInt()).isEqualTo(1);
                assertThat(m.get("template").asString()).isEqualTo("invitation");
            });
        }
    }

    @Test
    void aPasswordResetLinkIsMailedInTheAskedLanguage() {
        Company company = new Company(port, jdbc);
        UUID user = company.hire("Olena", "Kovalenko", "olena@reset.example", "MANAGER");
        company.publish(new PasswordResetRequested(user, "olena@reset.example", "/reset-password?token=r1",
                Instant.now().plusSeconds(3600), "ru"), null);
        MimeMessage mail = await().until(() -> TestServers.mailsTo("olena@reset.example"), m -> !m.isEmpty())
                .getFirst();
        assertThat(subject(mail)).isEqualTo("Сброс пароля CRM");
        assertThat(text(mail)).contains("https://crm.example.com/reset-password?token=r1");
    }

    @Test
    void aNotificationChosenByEmailIsMailedInTheUsersLanguage() {
        Company company = new Company(port, jdbc);
        UUID olena = company.hire("Olena", "Kovalenko", "olena@mention-mail.example", "MANAGER");
        UUID taras = company.hire("Taras", "Shevchuk", "taras@mention-mail.example", "MANAGER");
        var saved = company.as(taras, "MANAGER").put("/api/notifications/preferences", Map.of("language", "uk",
                "kinds", Map.of("mention", Map.of("inApp", true, "email", true, "sms", false))));
        assertThat(saved.status()).isEqualTo(200);
        UUID contact = UUID.randomUUID();
        company.publish(new CommentAdded(UUID.randomUUID(), "CONTACT", contact, olena, List.of(taras),
                "Передзвоніть їй, будь ласка", Instant.now()), olena);

        MimeMessage mail = await().until(() -> TestServers.mailsTo("taras@mention-mail.example"), m -> !m.isEmpty())
                .getFirst();
        assertThat(subject(mail)).isEqualTo("Olena Kovalenko згадав(ла) вас");
        assertThat(text(mail)).contains("Передзвоніть їй, будь ласка").contains("Відкрити CRM: https://crm.example.com/contacts/" + contact);
        assertThat(TestServers.mailsTo("olena@mention-mail.example")).isEmpty();
    }

    @Test
    void anEmailIsRetriedWhileTheServerIsAwayAndGivenUpAfterTheLastAttempt() {
        Company company = new Company(port, jdbc);
        var admin = company.admin();
        try (var topic = TopicProbe.on(Topics.NOTIFICATIONS_NOTIFICATION)) {
            TestServers.stopSmtp();
            try {
                company.publish(invitation(company, "late@retry.example", "en"), company.admin);
                await().until(() -> log(admin, ""), l -> l.size() == 1 && l.getFirst().get("attempts").asInt() >= 1);
            } finally {
                TestServers.startSmtpAgain();
            }
            MimeMessage mail = await().until(() -> TestServers.mailsTo("late@retry.example"), m -> !m.isEmpty())
                    .getFirst();
            assertThat(subject(mail)).isEqualTo("Invitation to Kovalenko Trading LLC");
            JsonNode sent = await().until(() -> log(admin, ""), l -> l.getFirst().get("status").asString()
                    .equals("SENT")).getFirst();
            assertThat(sent.get("attempts").asInt()).isGreaterThanOrEqualTo(2);
            assertThat(sent.get("lastError").asString()).isNotBlank();

            TestServers.stopSmtp();
            try {
                company.publish(invitation(company, "never@retry.example", "en"), company.admin);
                JsonNode failed = await().atMost(Duration.ofSeconds(30)).until(() -> log(admin, "?status=FAILED"),
                        l -> !l.isEmpty()).getFirst();
                assertThat(failed.get("recipient").asString()).isEqualTo("never@retry.example");
                assertThat(failed.get("attempts").asInt()).isEqualTo(4);
                var record = topic.awaitRecord(Golden.of(EmailFailed.TYPE, "recipient", "never@retry.example"));
                JsonNode event = Golden.matches(record, EmailFailed.TYPE);
                assertThat(event.get("attempts").asInt()).isEqualTo(4);
                assertThat(event.get("reason").asString()).isNotBlank();
            } finally {
                TestServers.startSmtpAgain();
            }
        }
    }

    @Test
    void theLogIsForAdministratorsOfTheCompanyOnly() {
        Company company = new Company(port, jdbc);
        company.publish(invitation(company, "log@company-one.example", "en"), company.admin);
        await().until(() -> log(company.admin(), "").size() == 1);
        Company other = new Company(port, jdbc, "Other Ltd");
        assertThat(log(other.admin(), "")).isEmpty();

        UUID manager = company.hire("Taras", "Shevchuk", "taras@log.example", "MANAGER");
        var forbidden = company.as(manager, "MANAGER").get("/api/notifications/emails");
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.json().get("type").asString()).isEqualTo("/problems/forbidden");
        assertThat(ApiClient.onPort(port).get("/api/notifications/emails").status()).isEqualTo(401);
        assertThat(ApiClient.onPort(port).withToken(TestTokens.tokenSignedByAnotherKey(company.tenant, company.admin,
                "ADMIN")).get("/api/notifications/emails").status()).isEqualTo(401);
        assertThat(company.admin().get("/api/notifications/emails?status=LOST").status()).isEqualTo(400);
        assertThat(company.admin().get("/api/notifications/emails?cursor=garbage").status()).isEqualTo(400);
    }
}
