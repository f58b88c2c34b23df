package org.opencrm.telephony;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.events.identity.UserUpdated;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** The telephony settings and the extension map, for an ADMIN. */
@CrmIntegrationTest
class SettingsTest {

    @LocalServerPort
    int port;

    @Test
    void anAdminSetsTheExchangeWithWriteOnlySecretsAndOthersMayNot() {
        TestCompany company = new TestCompany(port);
        JsonNode initial = company.admin().get("/api/telephony/settings").json();
        assertThat(initial.get("format").asString()).isEqualTo("generic");
        assertThat(initial.get("webhookPath").asString()).isEqualTo("/api/integrations/telephony/events/generic");
        assertThat(initial.get("signingSecretSet").asBoolean()).isFalse();
        assertThat(initial.get("exchangeLoginSet").asBoolean()).isFalse();

        var saved = company.admin().put("/api/telephony/settings", Map.of("format", "binotel", "signingSecret",
                "sixteen-chars-at-least", "exchangeUrl", "https://pbx.example/", "exchangeLogin", "key",
                "exchangePassword", "secret"));
        assertThat(saved.status()).as(saved.body()).isEqualTo(200);
        assertThat(saved.json().get("webhookPath").asString()).isEqualTo("/api/integrations/telephony/events/binotel");
        assertThat(saved.json().get("exchangeUrl").asString()).isEqualTo("https://pbx.example");
        assertThat(saved.body()).doesNotContain("sixteen-chars-at-least").doesNotContain("secret\"");
        // null keeps a secret, "" clears it
        var kept = company.admin().put("/api/telephony/settings", Map.of("format", "binotel", "exchangeLogin", ""));
        assertThat(kept.json().get("signingSecretSet").asBoolean()).isTrue();
        assertThat(kept.json().get("exchangeLoginSet").asBoolean()).isFalse();

        assertThat(company.admin().put("/api/telephony/settings", Map.of("format", "panasonic")).body()).contains("\"format\"");
        assertThat(company.admin().put("/api/telephony/settings", Map.of("format", "generic", "signingSecret", "short"))
                .body()).contains("\"signingSecret\"");
        assertThat(company.admin().put("/api/telephony/settings", Map.of("format", "generic", "exchangeUrl", "ftp://x"))
                .body()).contains("\"exchangeUrl\"");
        assertThat(company.as(UUID.randomUUID(), "MANAGER").get("/api/telephony/settings").status()).isEqualTo(403);
        assertThat(company.as(UUID.randomUUID(), "SUPERVISOR").put("/api/telephony/settings", Map.of("format", "generic"))
                .status()).isEqualTo(403);
    }

    @Test
    void extensionsAreMappedByAnAdminAndByTheUsersProfileInIdentity() throws Exception {
        TestCompany company = new TestCompany(port);
        UUID manager = company.hire("MANAGER", null, "101");
        var admin = company.admin();
        assertThat(admin.put("/api/telephony/extensions/150", Map.of("userId", manager.toString())).status()).isEqualTo(200);
        var unknown = admin.put("/api/telephony/extensions/151", Map.of("userId", UUID.randomUUID().toString()));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.body()).contains("\"userId\"");
        assertThat(admin.put("/api/telephony/extensions/abc", Map.of("userId", manager.toString())).body())
                .contains("\"extension\"");
        assertThat(company.as(manager, "MANAGER").put("/api/telephony/extensions/152",
                Map.of("userId", manager.toString())).status()).isEqualTo(403);

        // identity gives the user another extension: the one identity gave before goes, the ADMIN's stays
        TopicProbe.publish(new UserUpdated(manager, "m@example.com", "Taras", "Melnyk", null, "MANAGER", null, null,
                "102", null, Instant.now()), company.tenant, null);
        await().until(() -> TestCompany.count("select count(*) from extension where user_id = ? and extension = '102'",
                manager) == 1);
        JsonNode list = admin.get("/api/telephony/extensions").json();
        assertThat(list.findValuesAsString("extension")).containsExactly("102", "150");

        assertThat(admin.delete("/api/telephony/extensions/150").status()).isEqualTo(204);
        assertThat(admin.delete("/api/telephony/extensions/150").status()).isEqualTo(404);
        assertThat(new TestCompany(port).admin().get("/api/telephony/extensions").json()).isEmpty();
    }
}
