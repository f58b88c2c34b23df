package org.opencrm.contacts.contact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Who sees and changes which clients, by role (docs/security.md). */
@CrmIntegrationTest
class ContactAccessTest {

    @LocalServerPort
    int port;

    private String create(org.opencrm.platform.test.ApiClient as, Map<String, Object> card) {
        var created = as.post("/api/contacts", card);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    @Test
    void managersSeeTheirOwnAndUnassignedClientsOnlyAndAdministratorsSeeAll() {
        Staff staff = new Staff(port);
        UUID olena = staff.hire("MANAGER", null);
        UUID taras = staff.hire("MANAGER", null);
        UUID admin = staff.hire("ADMIN", null);
        String olenas = create(staff.as(olena, "MANAGER"), Map.of("firstName", "Olena's client"));
        String unassigned = create(staff.as(admin, "ADMIN"), Map.of("firstName", "Nobody's client"));
        staff.as(admin, "ADMIN").post("/api/contacts/assign", Map.of("ids", List.of(unassigned)));

        var tarasReads = staff.as(taras, "MANAGER").get("/api/contacts/" + olenas);
        var tarasList = staff.as(taras, "MANAGER").get("/api/contacts").json().get("items").findValuesAsString("id");
        var tarasCount = staff.as(taras, "MANAGER").get("/api/contacts/count").json().get("count").asLong();
        var tarasEdits = staff.as(taras, "MANAGER").patch("/api/contacts/" + olenas, Map.of("lastName", "Hijacked"));
        var adminList = staff.as(admin, "ADMIN").get("/api/contacts").json().get("items").findValuesAsString("id");

        assertThat(tarasReads.status()).isEqualTo(404);
        assertThat(tarasEdits.status()).isEqualTo(404);
        assertThat(tarasList).containsExactly(unassigned);
        assertThat(tarasCount).isEqualTo(1);
        assertThat(adminList).containsExactlyInAnyOrder(olenas, unassigned);
        assertThat(staff.as(olena, "MANAGER").get("/api/contacts/" + olenas).status()).isEqualTo(200);
    }

    @Test
    void aSupervisorSeesTheClientsOfTheirDepartmentAndItsSubDepartments() {
        Staff staff = new Staff(port);
        UUID sales = UUID.randomUUID();
        UUID retail = UUID.randomUUID();
        UUID marketing = UUID.randomUUID();
        staff.department(sales, null);
        staff.department(retail, sales);
        staff.department(marketing, null);
        UUID supervisor = staff.hire("SUPERVISOR", sales);
        UUID inSales = staff.hire("MANAGER", sales);
        UUID inRetail = staff.hire("MANAGER", retail);
        UUID elsewhere = staff.hire("MANAGER", marketing);
        String salesClient = create(staff.asMemberOf(sales, inSales, "MANAGER"), Map.of("firstName", "Sales client"));
        String retailClient = create(staff.asMemberOf(retail, inRetail, "MANAGER"), Map.of("firstName", "Retail client"));
        String otherClient = create(staff.as(elsewhere, "MANAGER"), Map.of("firstName", "Other client"));

        var boss = staff.asMemberOf(sales, supervisor, "SUPERVISOR");

        assertThat(boss.get("/api/contacts/" + salesClient).status()).isEqualTo(200);
        assertThat(boss.get("/api/contacts/" + retailClient).status()).as("a sub-department's").isEqualTo(200);
        assertThat(boss.get("/api/contacts/" + otherClient).status()).isEqualTo(404);
        assertThat(boss.get("/api/contacts").json().get("items").findValuesAsString("id"))
                .containsExactlyInAnyOrder(salesClient, retailClient);
        assertThat(staff.asMemberOf(retail, UUID.randomUUID(), "SUPERVISOR").get("/api/contacts/" + salesClient).status())
                .as("not the parent department's").isEqualTo(404);
        assertThat(boss.patch("/api/contacts/" + salesClient, Map.of("vip", true)).status()).isEqualTo(200);
    }

    @Test
    void aMarketerReadsEveryClientButChangesNoneAndADeveloperSeesNoClients() {
        Staff staff = new Staff(port);
        UUID manager = staff.hire("MANAGER", null);
        UUID marketer = staff.hire("MARKETER", null);
        UUID developer = staff.hire("DEVELOPER", null);
        String client = create(staff.as(manager, "MANAGER"), Map.of("firstName", "Read me"));

        assertThat(staff.as(marketer, "MARKETER").get("/api/contacts/" + client).status()).isEqualTo(200);
        assertThat(staff.as(marketer, "MARKETER").get("/api/contacts").json().get("items").size()).isEqualTo(1);
        assertThat(staff.as(marketer, "MARKETER").patch("/api/contacts/" + client, Map.of("vip", true)).status())
                .isEqualTo(403);
        assertThat(staff.as(marketer, "MARKETER").post("/api/contacts", Map.of("firstName", "New")).status())
                .isEqualTo(403);
        assertThat(staff.as(marketer, "MARKETER").delete("/api/contacts/" + client).status()).isEqualTo(403);
        assertThat(staff.as(developer, "DEVELOPER").get("/api/contacts").status()).isEqualTo(403);
        assertThat(staff.as(developer, "DEVELOPER").get("/api/contacts/" + client).status()).isEqualTo(403);
    }

    @Test
    void contactsAreHandedOnlyToActiveColleaguesAndOnlyByThoseWhoMay() {
        Staff staff = new Staff(port);
        UUID admin = staff.hire("ADMIN", null);
        UUID manager = staff.hire("MANAGER", null);
        UUID colleague = staff.hire("MANAGER", null);
        String client = create(staff.as(admin, "ADMIN"), Map.of("firstName", "Handed over"));

        var toManager = staff.as(admin, "ADMIN").post("/api/contacts/assign", Map.of("ids", List.of(client),
                "ownerId", manager.toString()));
        var toStranger = staff.as(admin, "ADMIN").post("/api/contacts/assign", Map.of("ids", List.of(client),
                "ownerId", UUID.randomUUID().toString()));
        var byManager = staff.as(manager, "MANAGER").post("/api/contacts/assign", Map.of("ids", List.of(client),
                "ownerId", colleague.toString()));
        var foreignId = staff.as(admin, "ADMIN").post("/api/contacts/assign", Map.of("ids",
                List.of(client, UUID.randomUUID().toString()), "ownerId", manager.toString()));

        assertThat(toManager.status()).as(toManager.body()).isEqualTo(200);
        assertThat(staff.as(manager, "MANAGER").get("/api/contacts/" + client).json().get("ownerId").asString())
                .isEqualTo(manager.toString());
        assertThat(toStranger.status()).isEqualTo(400);
        assertThat(toStranger.json().get("errors").findValuesAsString("field")).containsExactly("ownerId");
        assertThat(byManager.status()).isEqualTo(403);
        assertThat(foreignId.status()).as("all or nothing").isEqualTo(404);
    }

    @Test
    void contactsAreTaggedAndDeletedInBulkAllOrNothingAndOnlyWhereTheUserMayChangeThem() {
        Staff staff = new Staff(port);
        UUID manager = staff.hire("MANAGER", null);
        UUID colleague = staff.hire("MANAGER", null);
        var api = staff.as(manager, "MANAGER");
        String first = create(api, Map.of("firstName", "First", "tags", List.of("Retail", "kyiv")));
        String second = create(api, Map.of("firstName", "Second"));
        String colleagues = create(staff.as(colleague, "MANAGER"), Map.of("firstName", "Colleague's"));

        var tagged = api.post("/api/contacts/tag", Map.of("ids", List.of(first, second), "add", List.of("wholesale"),
                "remove", List.of("retail")));
        var noTags = api.post("/api/contacts/tag", Map.of("ids", List.of(first)));
        var withForeign = api.post("/api/contacts/tag", Map.of("ids", List.of(first, colleagues), "add", List.of("x")));
        var byMarketer = staff.as(UUID.randomUUID(), "MARKETER").post("/api/contacts/delete",
                Map.of("ids", List.of(first)));
        var deleteWithForeign = api.post("/api/contacts/delete", Map.of("ids", List.of(first, colleagues)));
        var deleteNothing = api.post("/api/contacts/delete", Map.of("ids", List.of()));

        assertThat(tagged.status()).as(tagged.body()).isEqualTo(200);
        assertThat(api.get("/api/contacts/" + first).json().get("tags").toString()).isEqualTo("[\"kyiv\",\"wholesale\"]");
        assertThat(api.get("/api/contacts/" + second).json().get("tags").toString()).isEqualTo("[\"wholesale\"]");
        assertThat(noTags.status()).isEqualTo(400);
        assertThat(withForeign.status()).as("all or nothing").isEqualTo(404);
        assertThat(api.get("/api/contacts/" + first).json().get("tags").toString()).doesNotContain("\"x\"");
        assertThat(byMarketer.status()).isEqualTo(403);
        assertThat(deleteWithForeign.status()).isEqualTo(404);
        assertThat(deleteNothing.status()).isEqualTo(400);
        assertThat(api.get("/api/contacts/" + first).status()).as("nothing deleted").isEqualTo(200);

        var deleted = api.post("/api/contacts/delete", Map.of("ids", List.of(first, second)));

        assertThat(deleted.status()).as(deleted.body()).isEqualTo(204);
        assertThat(api.get("/api/contacts").json().get("items").findValuesAsString("id")).isEmpty();
        assertThat(staff.as(colleague, "MANAGER").get("/api/contacts/" + colleagues).status()).isEqualTo(200);
    }
}
