package org.opencrm.identity.user;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.events.EventHeaders;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.identity.UserDeactivated;
import org.opencrm.platform.events.identity.UserInvited;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@CrmIntegrationTest
class UsersApiTest {

    private static final String PASSWORD = "a sturdy password";

    @LocalServerPort
    int port;

    private ApiClient anonymous() {
        return ApiClient.onPort(port).withHeader("X-Forwarded-For", "192.0.2." + (1 + (int) (Math.random() * 250)));
    }

    /** A company that just signed up, acting through its administrator. */
    private final class Company {
        final String adminEmail = "admin-" + UUID.randomUUID() + "@example.com";
        final UUID adminId;
        final String adminToken;
        final String name = "Company " + UUID.randomUUID();

        Company() {
            var signup = anonymous().post("/api/identity/signup",
                    Map.of("companyName", name, "fullName", "Olena Kovalenko", "email", adminEmail, "password", PASSWORD));
            assertThat(signup.status()).as(signup.body()).isEqualTo(201);
            adminId = UUID.fromString(signup.json().get("userId").asString());
            adminToken = signup.json().get("accessToken").asString();
        }

        ApiClient admin() {
            return ApiClient.onPort(port).withToken(adminToken);
        }

        JsonNode invite(String email, String role) {
            var invited = admin().post("/api/identity/invitations", Map.of("email", email, "role", role));
            assertThat(invited.status()).as(invited.body()).isEqualTo(201);
            return invited.json();
        }

        /** Invites and accepts; returns the colleague's session. */
        Colleague hire(String role, String firstName) {
            String email = firstName.toLowerCase() + "-" + UUID.randomUUID() + "@example.com";
            String token = tokenOf(invite(email, role));
            var accepted = anonymous().post("/api/identity/invitations/accept",
                    Map.of("token", token, "firstName", firstName, "lastName", "Bondar", "password", PASSWORD));
            assertThat(accepted.status()).as(accepted.body()).isEqualTo(201);
            String access = accepted.json().get("accessToken").asString();
            var me = ApiClient.onPort(port).withToken(access).get("/api/identity/me").json();
            return new Colleague(UUID.fromString(me.get("id").asString()), email, access,
                    accepted.json().get("refreshToken").asString());
        }
    }

    private record Colleague(UUID id, String email, String accessToken, String refreshToken) {
    }

    private static String tokenOf(JsonNode invitation) {
        String path = invitation.get("acceptPath").asString();
        assertThat(path).startsWith("/accept-invitation?token=");
        return path.substring(path.indexOf('=') + 1);
    }

    private ApiClient as(Colleague colleague) {
        return ApiClient.onPort(port).withToken(colleague.accessToken());
    }

    @Test
    void anInvitedManagerSeesTheInvitationAcceptsItOnceAndWorksInTheCompanyWithTheRole() {
        Company company = new Company();
        String email = "taras-" + UUID.randomUUID() + "@example.com";
        String token;
        try (var userEvents = TopicProbe.on(Topics.IDENTITY_USER)) {
            JsonNode invitation = company.invite(email, "MANAGER");
            token = tokenOf(invitation);
            var event = userEvents.awaitRecord(r -> invitation.get("id").asString().equals(r.key()));
            assertThat(TopicProbe.header(event, EventHeaders.TYPE)).isEqualTo(UserInvited.TYPE);
            // the administrator's app sends no language here: the e-mail falls back to the reader's default
            assertThat(new String(event.value(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"language\":null");
        }
        try (var userEvents = TopicProbe.on(Topics.IDENTITY_USER)) {
            var invited = company.admin().withHeader("Accept-Language", "ru")
                    .post("/api/identity/invitations", Map.of("email", "ivan-" + UUID.randomUUID() + "@example.com",
                            "role", "OPERATOR"));
            assertThat(invited.status()).as(invited.body()).isEqualTo(201);
            var event = userEvents.awaitRecord(r -> invited.json().get("id").asString().equals(r.key()));
            assertThat(new String(event.value(), java.nio.charset.StandardCharsets.UTF_8)).contains("\"language\":\"ru\"");
        }

        var preview = anonymous().get("/api/identity/invitations/preview?token=" + token);
        assertThat(preview.status()).isEqualTo(200);
        assertThat(preview.json().get("email").asString()).isEqualTo(email);
        assertThat(preview.json().get("companyName").asString()).isEqualTo(company.name);
        assertThat(preview.json().get("role").asString()).isEqualTo("MANAGER");

        var accepted = anonymous().post("/api/identity/invitations/accept",
                Map.of("token", token, "firstName", "Taras", "lastName", "Melnyk", "password", PASSWORD));
        assertThat(accepted.status()).isEqualTo(201);
        var me = ApiClient.onPort(port).withToken(accepted.json().get("accessToken").asString()).get("/api/identity/me");
        assertThat(me.json().get("role").asString()).isEqualTo("MANAGER");
        assertThat(me.json().at("/company/name").asString()).isEqualTo(company.name);

        var again = anonymous().post("/api/identity/invitations/accept",
                Map.of("token", token, "firstName", "Mallory", "password", PASSWORD));
        assertThat(again.status()).isEqualTo(404);
        assertThat(again.json().get("type").asString()).isEqualTo("/problems/invitation-not-valid");
        assertThat(anonymous().get("/api/identity/invitations/preview?token=" + token).status()).isEqualTo(404);
        // the new colleague signs in with their own password
        assertThat(anonymous().post("/api/identity/token", Map.of("email", email, "password", PASSWORD)).status())
                .isEqualTo(200);
    }

    @Test
    void aRevokedOrUnknownInvitationCannotBeUsed() {
        Company company = new Company();
        JsonNode invitation = company.invite("gone-" + UUID.randomUUID() + "@example.com", "OPERATOR");

        assertThat(company.admin().delete("/api/identity/invitations/" + invitation.get("id").asString()).status())
                .isEqualTo(204);

        assertThat(anonymous().get("/api/identity/invitations/preview?token=" + tokenOf(invitation)).status())
                .isEqualTo(404);
        assertThat(anonymous().get("/api/identity/invitations/preview?token=made-up").status()).isEqualTo(404);
    }

    @Test
    void invitingAnEmailThatAlreadySignsInIsAConflict() {
        Company company = new Company();
        Company other = new Company();

        var response = company.admin().post("/api/identity/invitations",
                Map.of("email", other.adminEmail, "role", "MANAGER"));

        assertThat(response.status()).isEqualTo(409);
    }

    @Test
    void onlyAnAdministratorInvitesAssignsAndDeactivates() {
        Company company = new Company();
        Colleague manager = company.hire("MANAGER", "Petro");

        assertThat(as(manager).post("/api/identity/invitations", Map.of("email", "x-" + UUID.randomUUID() + "@example.com",
                "role", "ADMIN")).status()).isEqualTo(403);
        assertThat(as(manager).patch("/api/identity/users/" + manager.id(), Map.of("role", "ADMIN")).status())
                .isEqualTo(403);
        var deactivate = as(manager).post("/api/identity/users/" + company.adminId + "/deactivate", Map.of());
        assertThat(deactivate.status()).isEqualTo(403);
        assertThat(deactivate.json().get("type").asString()).isEqualTo("/problems/forbidden");
        assertThat(as(manager).get("/api/identity/invitations").status()).isEqualTo(403);
        // a manager still reads the directory, to find colleagues
        assertThat(as(manager).get("/api/identity/users").status()).isEqualTo(200);
    }

    @Test
    void theAdministratorChangesAColleaguesRoleAndDepartment() {
        Company company = new Company();
        Colleague operator = company.hire("OPERATOR", "Ivan");
        String department = company.admin().post("/api/identity/departments", Map.of("name", "Sales"))
                .json().get("id").asString();
        assertThat(company.admin().patch("/api/identity/users/" + operator.id(),
                Map.of("role", "SUPERVISOR", "departmentId", UUID.randomUUID().toString())).status())
                .as("a department of no company, or of another").isEqualTo(404);

        var changed = company.admin().patch("/api/identity/users/" + operator.id(),
                Map.of("role", "SUPERVISOR", "departmentId", department));

        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.json().get("role").asString()).isEqualTo("SUPERVISOR");
        // the next token carries the new role
        var refreshed = anonymous().post("/api/identity/token/refresh", Map.of("refreshToken", operator.refreshToken()));
        var me = ApiClient.onPort(port).withToken(refreshed.json().get("accessToken").asString()).get("/api/identity/me");
        assertThat(me.json().get("role").asString()).isEqualTo("SUPERVISOR");
        assertThat(me.json().get("departmentId").asString()).isEqualTo(department);
    }

    @Test
    void theLastAdministratorCannotStepDownOrDeactivateThemselves() {
        Company company = new Company();

        var demote = company.admin().patch("/api/identity/users/" + company.adminId, Map.of("role", "MANAGER"));
        var deactivate = company.admin().post("/api/identity/users/" + company.adminId + "/deactivate", Map.of());

        assertThat(demote.status()).isEqualTo(409);
        assertThat(deactivate.status()).isEqualTo(409);
        assertThat(demote.json().get("type").asString()).isEqualTo("/problems/last-admin");
    }

    @Test
    void aDeactivatedUserCanNeitherSignInNorRefresh() {
        Company company = new Company();
        Colleague leaving = company.hire("MANAGER", "Oksana");

        try (var userEvents = TopicProbe.on(Topics.IDENTITY_USER)) {
            var response = company.admin().post("/api/identity/users/" + leaving.id() + "/deactivate", Map.of());
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.json().get("status").asString()).isEqualTo("DEACTIVATED");
            var event = userEvents.awaitRecord(r -> leaving.id().toString().equals(r.key())
                    && UserDeactivated.TYPE.equals(TopicProbe.header(r, EventHeaders.TYPE)));
            assertThat(event).isNotNull();
        }

        assertThat(anonymous().post("/api/identity/token/refresh", Map.of("refreshToken", leaving.refreshToken())).status())
                .isEqualTo(401);
        assertThat(anonymous().post("/api/identity/token", Map.of("email", leaving.email(), "password", PASSWORD))
                .status()).isEqualTo(401);
    }

    @Test
    void theDirectoryIsSearchableAndPagedWithACursor() {
        Company company = new Company();
        company.hire("MANAGER", "Andriy");
        company.hire("MANAGER", "Bohdan");

        var first = company.admin().get("/api/identity/users?limit=2");
        assertThat(first.json().get("items")).hasSize(2);
        String cursor = first.json().get("nextCursor").asString();
        var second = company.admin().get("/api/identity/users?limit=2&cursor=" + cursor);
        assertThat(second.json().get("items")).hasSize(1);
        assertThat(second.json().get("nextCursor").isNull()).isTrue();
        assertThat(second.json().get("items").get(0).get("id").asString()).isEqualTo(company.adminId.toString());

        var search = company.admin().get("/api/identity/users?q=bohd");
        assertThat(search.json().get("items").findValuesAsString("firstName")).containsExactly("Bohdan");

        assertThat(company.admin().get("/api/identity/users?cursor=bogus").status()).isEqualTo(400);
        assertThat(company.admin().get("/api/identity/users?limit=0").status()).isEqualTo(400);
    }

    @Test
    void anotherCompanysUsersAreInvisibleAndUntouchable() {
        Company company = new Company();
        Company other = new Company();

        assertThat(company.admin().get("/api/identity/users/" + other.adminId).status()).isEqualTo(404);
        assertThat(company.admin().patch("/api/identity/users/" + other.adminId, Map.of("role", "OPERATOR")).status())
                .isEqualTo(404);
        assertThat(company.admin().post("/api/identity/users/" + other.adminId + "/deactivate", Map.of()).status())
                .isEqualTo(404);
        assertThat(company.admin().get("/api/identity/users").json().get("items").findValuesAsString("email"))
                .containsExactly(company.adminEmail);
        // still able to sign in: nothing was changed
        assertThat(anonymous().post("/api/identity/token", Map.of("email", other.adminEmail, "password", PASSWORD))
                .status()).isEqualTo(200);
    }

    @Test
    void usersKeepTheirOwnProfile() {
        Company company = new Company();
        Map<String, Object> profile = new HashMap<>(Map.of("firstName", "Olena", "lastName", "Kovalenko",
                "patronymic", "Petrivna", "workPhone", "+380 44 123 45 67", "pbxExtension", "101",
                "birthDate", "1990-04-12", "position", "Director"));

        var updated = company.admin().put("/api/identity/me/profile", profile);

        assertThat(updated.status()).as(updated.body()).isEqualTo(200);
        var me = company.admin().get("/api/identity/users/" + company.adminId).json();
        assertThat(me.get("patronymic").asString()).isEqualTo("Petrivna");
        assertThat(me.get("pbxExtension").asString()).isEqualTo("101");
        assertThat(me.get("birthDate").asString()).isEqualTo("1990-04-12");

        profile.put("workPhone", "call me maybe");
        profile.put("birthDate", "2999-01-01");
        var invalid = company.admin().put("/api/identity/me/profile", profile);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().get("errors").findValuesAsString("field")).containsExactly("birthDate", "workPhone");
    }
}
