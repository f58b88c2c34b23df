package org.opencrm.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.events.identity.DepartmentDeleted;
import org.opencrm.platform.events.identity.UserDeactivated;
import org.opencrm.platform.events.identity.UserUpdated;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The platform's staff directory as deals-service keeps it (crm.directory.enabled): identity's events in
 * this service's own consumer group ({@code deals-service.directory}), an older event never undoing a newer
 * one, who may own a deal, and whose deals a SUPERVISOR sees.
 */
@CrmIntegrationTest
class DirectoryTest {

    @LocalServerPort
    int port;

    @Test
    void aDeactivatedColleagueNoLongerReceivesDealsAndAnOlderEventDoesNotBringThemBack() throws Exception {
        Company company = new Company(port);
        UUID taras = company.hire("MANAGER", null);
        Instant now = Instant.now();
        var api = company.admin();

        assertThat(api.post("/api/deals/deals", Map.of("title", "For Taras", "ownerId", taras.toString())).status())
                .isEqualTo(201);
        TopicProbe.publish(new UserDeactivated(taras, company.admin, now.plusSeconds(1)), company.tenant, null);
        await().until(() -> Company.count("select count(*) from directory_user where id = ? and not active", taras) == 1);
        UUID older = TopicProbe.publish(new UserUpdated(taras, "taras@example.com", "Taras", "Old", null, "MANAGER",
                null, null, null, null, now.minusSeconds(60)), company.tenant, null);
        await().until(() -> Company.count("select count(*) from processed_event where consumer = 'directory'"
                + " and event_id = ?", older) == 1);

        var refused = api.post("/api/deals/deals", Map.of("title", "For Taras again", "ownerId", taras.toString()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().get("errors").findValuesAsString("field")).containsExactly("ownerId");
        assertThat(Company.count("select count(*) from directory_user where id = ? and last_name = 'Old'", taras))
                .as("the older profile change came after, and changed nothing").isZero();
    }

    @Test
    void aSupervisorOfADeletedDepartmentNoLongerSeesItsSubDepartment() throws Exception {
        Company company = new Company(port);
        UUID sales = UUID.randomUUID();
        UUID retail = UUID.randomUUID();
        company.department(sales, null);
        company.department(retail, sales);
        UUID supervisor = company.hire("SUPERVISOR", sales);
        UUID inRetail = company.hire("MANAGER", retail);
        String deal = company.asMemberOf(retail, inRetail, "MANAGER").post("/api/deals/deals", Map.of("title", "Retail"))
                .json().get("id").asString();
        var boss = company.asMemberOf(sales, supervisor, "SUPERVISOR");
        assertThat(boss.get("/api/deals/deals/" + deal).status()).isEqualTo(200);

        TopicProbe.publish(new DepartmentDeleted(retail, company.admin, Instant.now()), company.tenant, null);
        await().until(() -> Company.count("select count(*) from directory_department where id = ? and deleted", retail) == 1);

        assertThat(boss.get("/api/deals/deals/" + deal).status()).isEqualTo(404);
    }
}
