package org.opencrm.notifications.preference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.notifications.Company;
import org.opencrm.platform.events.contacts.CommentAdded;
import org.opencrm.platform.events.identity.UserActivated;
import org.opencrm.platform.events.identity.UserInvited;
import org.opencrm.platform.starter.security.TenantContext;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Each user chooses, per kind, the channels, and their language and SMS phone. */
@CrmIntegrationTest
class PreferenceApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    Preferences preferences;

    private static Map<String, Object> channels(boolean inApp, boolean email, boolean sms) {
        return Map.of("inApp", inApp, "email", email, "sms", sms);
    }

    @Test
    void defaultsAreInAppForEveryKindInTheInvitationsLanguage() {
        Company company = new Company(port, jdbc);
        UUID user = company.hire("Taras", "Shevchuk", "taras@pref.example", "MANAGER");
        var defaults = company.as(user, "MANAGER").get("/api/notifications/preferences").json();
        assertThat(defaults.get("language").asString()).isEqualTo("en");
        assertThat(defaults.get("phone").isNull()).isTrue();
        assertThat(defaults.get("kinds").propertyNames()).containsExactly("call", "mention", "assignment",
                "deal-moved", "import-finished", "return-requested");
        defaults.get("kinds").forEach(kind -> {
            assertThat(kind.get("inApp").asBoolean()).isTrue();
            assertThat(kind.get("email").asBoolean()).isFalse();
            assertThat(kind.get("sms").asBoolean()).isFalse();
        });

        // invited in Ukrainian: Ukrainian until the user chooses otherwise
        UUID invitee = UUID.randomUUID();
        company.publish(new UserInvited(UUID.randomUUID(), "olena@pref.example", "MANAGER", null, company.admin,
                "/accept-invitation?token=abc", Instant.now().plusSeconds(3600), "uk"), company.admin);
        await().until(() -> jdbc.queryForObject("select count(*) from invitation_language where email = ?",
                Integer.class, "olena@pref.example") == 1);
        company.publish(new UserActivated(invitee, "olena@pref.example", "Olena", null, "MANAGER", null,
                Instant.now()), invitee);
        var api = company.as(invitee, "MANAGER");
        await().until(() -> api.get("/api/notifications/preferences").json().get("language").asString().equals("uk"));
    }

    @Test
    void aUserSavesTheirChoicesAndTheyAreFollowed() {
        Company company = new Company(port, jdbc);
        UUID olena = company.hire("Olena", "Kovalenko", "olena@pref2.example", "MANAGER");
        UUID taras = company.hire("Taras", "Shevchuk", "taras@pref2.example", "MANAGER");
        var api = company.as(taras, "MANAGER");
        var saved = api.put("/api/notifications/preferences", Map.of("language", "uk", "phone", "+380 67 123 45 67",
                "kinds", Map.of("mention", channels(true, false, false), "assignment", channels(false, false, false))));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        assertThat(saved.json().get("phone").asString()).isEqualTo("+380671234567");
        assertThat(saved.json().get("kinds").get("assignment").get("inApp").asBoolean()).isFalse();
        assertThat(saved.json().get("kinds").get("call").get("inApp").asBoolean()).as("untouched").isTrue();
        var read = api.get("/api/notifications/preferences").json();
        assertThat(read).isEqualTo(saved.json());
        // the other user's are their own
        assertThat(company.as(olena, "MANAGER").get("/api/notifications/preferences").json().get("language")
                .asString()).isEqualTo("en");

        company.publish(org.opencrm.notifications.notification.Events.lead(taras), olena);
        company.publish(new CommentAdded(UUID.randomUUID(), "DEAL", UUID.randomUUID(), olena, List.of(taras), "ok?",
                Instant.now()), olena);
        var items = await().until(() -> api.get("/api/notifications").json().get("items"), found -> found.size() >= 1);
        await().during(Duration.ofMillis(800)).until(() -> api.get("/api/notifications").json().get("items")
                .size() == 1);
        assertThat(items.get(0).get("kind").asString()).as("assignments switched off in-app").isEqualTo("mention");
        assertThat(items.get(0).get("title").asString()).isEqualTo("Olena Kovalenko згадав(ла) вас");
    }

    @Test
    void aNotificationFollowsWhatTheUserSavedForItsKindElseTheDefaults() {
        Company company = new Company(port, jdbc);
        UUID fresh = company.hire("Iryna", "Bondar", "iryna@pref4.example", "MANAGER");
        UUID chooser = company.hire("Petro", "Melnyk", "petro@pref4.example", "MANAGER");
        jdbc.update("update person set work_phone = ?, language = ? where id = ?", "+380441112233", "ru", fresh);
        jdbc.update("update person set work_phone = ? where id = ?", "+380441112244", chooser);
        var saved = company.as(chooser, "MANAGER").put("/api/notifications/preferences", Map.of("language", "uk",
                "kinds", Map.of("call", channels(false, true, false))));
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);

        TenantContext.runAs(company.tenant, () -> {
            assertThat(preferences.choiceOf(fresh, "call")).as("nothing saved")
                    .isEqualTo(new Choice(true, false, false, "ru", "+380441112233"));
            assertThat(preferences.choiceOf(chooser, "call")).as("the saved kind")
                    .isEqualTo(new Choice(false, true, false, "uk", "+380441112244"));
            assertThat(preferences.choiceOf(chooser, "mention")).as("a kind left alone")
                    .isEqualTo(new Choice(true, false, false, "uk", "+380441112244"));
        });
        // asked as another company, the user's saved choices and directory entry are not read
        Company other = new Company(port, jdbc, "Melnyk Other LLC");
        TenantContext.runAs(other.tenant, () -> assertThat(preferences.choiceOf(chooser, "call"))
                .isEqualTo(new Choice(true, false, false, "en", null)));
    }

    @Test
    void invalidPreferencesAreRefusedFieldByField() {
        Company company = new Company(port, jdbc);
        var api = company.admin();
        var language = api.put("/api/notifications/preferences", Map.of("language", "de"));
        assertThat(language.status()).isEqualTo(400);
        assertThat(language.json().get("type").asString()).isEqualTo("/problems/validation");
        assertThat(language.body()).contains("language");
        var kind = api.put("/api/notifications/preferences", Map.of("language", "en", "kinds",
                Map.of("birthday", channels(true, true, true))));
        assertThat(kind.status()).isEqualTo(400);
        assertThat(kind.body()).contains("kinds.birthday");
        var noPhone = api.put("/api/notifications/preferences", Map.of("language", "en", "kinds",
                Map.of("call", channels(true, false, true))));
        assertThat(noPhone.status()).isEqualTo(400);
        assertThat(noPhone.body()).contains("phone");
        var badPhone = api.put("/api/notifications/preferences", Map.of("language", "en", "phone", "call me"));
        assertThat(badPhone.status()).isEqualTo(400);
        assertThat(badPhone.body()).contains("phone");
        var missingChannel = api.put("/api/notifications/preferences", Map.of("language", "en", "kinds",
                Map.of("call", Map.of("inApp", true))));
        assertThat(missingChannel.status()).isEqualTo(400);
        assertThat(api.put("/api/notifications/preferences", "{not json").status()).isEqualTo(400);
        assertThat(api.get("/api/notifications/preferences").json().get("language").asString())
                .as("nothing was saved").isEqualTo("en");

        var anonymous = ApiClient.onPort(port);
        assertThat(anonymous.get("/api/notifications/preferences").status()).isEqualTo(401);
        assertThat(anonymous.put("/api/notifications/preferences", Map.of("language", "en")).status()).isEqualTo(401);
    }
}
