package org.opencrm.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencrm.platform.test.AwaitilityDefaults;

/**
 * An administrator invites a colleague in the app's Ukrainian; the invitation arrives by e-mail through a real
 * SMTP server, in Ukrainian, and its link, followed, makes the colleague a user (identity-service's event,
 * notifications-service's e-mail, the gateway in front of both).
 */
@ExtendWith(AwaitilityDefaults.class)
class InvitationMailTest {

    private static final Pattern LINK = Pattern.compile("(https?://[^\\s\"<>]+/accept-invitation\\?token=([A-Za-z0-9_-]+))");

    @BeforeAll
    static void startTheSuite() {
        RunningSuite.start();
    }

    private static MimeMessage mailTo(String address) {
        return await().until(() -> Arrays.stream(RunningSuite.mail.getReceivedMessages())
                .filter(message -> {
                    try {
                        return Arrays.stream(message.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                }).findFirst().orElse(null), java.util.Objects::nonNull);
    }

    /** The decoded text of a message: its plain-text part if it has one, else its first text part. */
    private static String text(Part part) throws Exception {
        if (part.isMimeType("text/*")) {
            return (String) part.getContent();
        }
        if (part.getContent() instanceof Multipart multipart) {
            String found = null;
            for (int i = 0; i < multipart.getCount(); i++) {
                Part child = multipart.getBodyPart(i);
                String text = text(child);
                if (text != null && (found == null || child.isMimeType("text/plain"))) {
                    found = text;
                }
            }
            return found;
        }
        return null;
    }

    @Test
    void theInvitationEmailArrivesInTheAdministratorsLanguageAndItsLinkMakesTheColleagueAUser() throws Exception {
        var company = new SignedUpCompany();
        String email = "taras-" + UUID.randomUUID() + "@example.com";
        var invited = company.viaGateway().withHeader("Accept-Language", "uk")
                .post("/api/identity/invitations", Map.of("email", email, "role", "MANAGER"));
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);

        MimeMessage mail = mailTo(email);
        String body = text(mail);
        assertThat(mail.getSubject() + "\n" + body).as("written in Ukrainian").containsPattern("[Зз]апрош");
        Matcher link = LINK.matcher(body);
        assertThat(link.find()).as("a link to accept the invitation in:%n%s", body).isTrue();
        assertThat(link.group(1)).startsWith(RunningSuite.gateway.url());

        var accepted = RunningSuite.gateway.api().post("/api/identity/invitations/accept", Map.of("token",
                link.group(2), "firstName", "Taras", "lastName", "Melnyk", "password", "a long enough password"));
        assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
        var me = RunningSuite.gateway.api().withToken(accepted.json().get("accessToken").asString())
                .get("/api/identity/me");
        assertThat(me.json().get("email").asString()).isEqualTo(email);
        assertThat(me.json().get("role").asString()).isEqualTo("MANAGER");
    }
}
