package org.opencrm.identity.department;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.events.EventHeaders;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.identity.DepartmentChanged;
import org.opencrm.platform.events.identity.DepartmentDeleted;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@CrmIntegrationTest
class DepartmentApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private record Admin(UUID userId, String token) {
    }

    private Admin signUp() {
        var signup = ApiClient.onPort(port).withHeader("X-Forwarded-For", "198.19.0." + (1 + (int) (Math.random() * 250)))
                .post("/api/identity/signup", Map.of("companyName", "Structured " + UUID.randomUUID(), "fullName",
                        "Maria Head", "email", "head-" + UUID.randomUUID() + "@example.com", "password", "a sturdy password"));
        assertThat(signup.status()).isEqualTo(201);
        return new Admin(UUID.fromString(signup.json().get("userId").asString()), signup.json().get("accessToken").asString());
    }

    private ApiClient as(Admin admin) {
        return ApiClient.onPort(port).withToken(admin.token());
    }

    private JsonNode create(Admin admin, String name, String parentId) {
        Map<String, Object> body = new HashMap<>(Map.of("name", name));
        if (parentId != null) {
            body.put("parentId", parentId);
        }
        var response = as(admin).post("/api/identity/departments", body);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json();
    }

    @Test
    void departmentsFormATreeWithHeadsAndMemberCounts() {
        Admin admin = signUp();
        JsonNode sales = create(admin, "Sales", null);
        JsonNode retail = create(admin, "Retail", sales.get("id").asString());

        var headed = as(admin).put("/api/identity/departments/" + sales.get("id").asString(),
                Map.of("name", "Sales", "headUserId", admin.userId().toString()));
        assertThat(headed.status()).isEqualTo(200);
        as(admin).patch("/api/identity/users/" + admin.userId(),
                Map.of("role", "ADMIN", "departmentId", retail.get("id").asString()));

        var all = as(admin).get("/api/identity/departments").json();
        assertThat(all.findValuesAsString("name")).containsExactly("Retail", "Sales");
        JsonNode retailNow = all.get(0);
        assertThat(retailNow.get("parentId").asString()).isEqualTo(sales.get("id").asString());
        assertThat(retailNow.get("members").asLong()).isEqualTo(1);
        assertThat(all.get(1).get("headUserId").asString()).isEqualTo(admin.userId().toString());
    }

    @Test
    void aDepartmentCannotMoveIntoItsOwnSubtreeOrDuplicateASiblingsName() {
        Admin admin = signUp();
        JsonNode top = create(admin, "Top", null);
        JsonNode middle = create(admin, "Middle", top.get("id").asString());
        JsonNode bottom = create(admin, "Bottom", middle.get("id").asString());

        var cycle = as(admin).put("/api/identity/departments/" + top.get("id").asString(),
                Map.of("name", "Top", "parentId", bottom.get("id").asString()));
        var duplicate = as(admin).post("/api/identity/departments", Map.of("name", "middle", "parentId", top.get("id").asString()));

        assertThat(cycle.status()).isEqualTo(409);
        assertThat(duplicate.status()).isEqualTo(409);
        assertThat(as(admin).get("/api/identity/departments").json()).hasSize(3);
    }

    @Test
    void aDepartmentWithSubDepartmentsOrMembersIsNotDeleted() {
        Admin admin = signUp();
        JsonNode parent = create(admin, "Parent", null);
        JsonNode child = create(admin, "Child", parent.get("id").asString());

        assertThat(as(admin).delete("/api/identity/departments/" + parent.get("id").asString()).status()).isEqualTo(409);
        assertThat(as(admin).delete("/api/identity/departments/" + child.get("id").asString()).status()).isEqualTo(204);
        assertThat(as(admin).delete("/api/identity/departments/" + parent.get("id").asString()).status()).isEqualTo(204);
        assertThat(as(admin).get("/api/identity/departments").json()).isEmpty();
    }

    @Test
    void anotherCompanysDepartmentsAreInvisibleAndCannotBeUsed() {
        Admin admin = signUp();
        Admin other = signUp();
        JsonNode theirs = create(other, "Theirs", null);

        assertThat(as(admin).get("/api/identity/departments").json()).isEmpty();
        assertThat(as(admin).post("/api/identity/departments", Map.of("name", "Mine", "parentId",
                theirs.get("id").asString())).status()).isEqualTo(404);
        assertThat(as(admin).delete("/api/identity/departments/" + theirs.get("id").asString()).status()).isEqualTo(404);
        assertThat(as(admin).post("/api/identity/invitations", Map.of("email", "x-" + UUID.randomUUID() + "@example.com",
                "role", "MANAGER", "departmentId", theirs.get("id").asString())).status()).isEqualTo(404);
    }

    @Test
    void onlyAnAdministratorChangesTheStructureAndNamesAreRequired() {
        Admin admin = signUp();
        var invitation = as(admin).post("/api/identity/invitations",
                Map.of("email", "op-" + UUID.randomUUID() + "@example.com", "role", "OPERATOR")).json();
        String token = invitation.get("acceptPath").asString().replaceFirst(".*token=", "");
        String operatorToken = ApiClient.onPort(port).post("/api/identity/invitations/accept",
                Map.of("token", token, "firstName", "Op", "password", "a sturdy password")).json().get("accessToken").asString();

        var byOperator = ApiClient.onPort(port).withToken(operatorToken)
                .post("/api/identity/departments", Map.of("name", "Shadow IT"));
        var nameless = as(admin).post("/api/identity/departments", Map.of("name", " "));

        assertThat(byOperator.status()).isEqualTo(403);
        assertThat(nameless.status()).isEqualTo(400);
        assertThat(ApiClient.onPort(port).withToken(operatorToken).get("/api/identity/departments").status()).isEqualTo(200);
    }

    @Test
    void theStructureIsAnnouncedForOtherServices() {
        Admin admin = signUp();
        try (var events = TopicProbe.on(Topics.IDENTITY_DEPARTMENT)) {
            JsonNode sales = create(admin, "Sales", null);
            JsonNode retail = create(admin, "Retail", sales.get("id").asString());
            String retailId = retail.get("id").asString();

            var changed = events.awaitRecord(r -> retailId.equals(r.key()));
            assertThat(TopicProbe.header(changed, EventHeaders.TYPE)).isEqualTo(DepartmentChanged.TYPE);
            assertThat(JSON.readTree(changed.value()).get("parentId").asString()).isEqualTo(sales.get("id").asString());

            assertThat(as(admin).delete("/api/identity/departments/" + retailId).status()).isEqualTo(204);
            var deleted = events.awaitRecord(r -> retailId.equals(r.key())
                    && DepartmentDeleted.TYPE.equals(TopicProbe.header(r, EventHeaders.TYPE)));
            assertThat(JSON.readTree(deleted.value()).get("deletedBy").asString()).isEqualTo(admin.userId().toString());
        }
    }
}
