package org.opencrm.deals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.identity.DepartmentChanged;
import org.opencrm.platform.events.identity.UserActivated;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.TestDatabase;
import org.opencrm.platform.test.TestTokens;
import org.opencrm.platform.test.TopicProbe;
import tools.jackson.databind.JsonNode;

/**
 * A company for the deals tests: a tenant of its own, its people signing in with real tokens and known
 * from identity's events, and the ids of its seeded pipelines and stages.
 */
public final class Company {

    public final UUID tenant = UUID.randomUUID();
    public final UUID admin = UUID.randomUUID();
    private final int port;

    public Company(int port) {
        this.port = port;
    }

    /** A user as identity-service announces them (user.activated), once deals-service has taken it in. */
    public UUID hire(String role, UUID departmentId) {
        UUID user = UUID.randomUUID();
        TopicProbe.publish(new UserActivated(user, user + "@example.com", "Taras", "Melnyk-" + role, role, departmentId,
                Instant.now()), tenant, null);
        await().until(() -> count("select count(*) from directory_user where id = ?", user) == 1);
        return user;
    }

    /** A department under another (or at the top), as identity-service announces it. */
    public void department(UUID id, UUID parent) {
        TopicProbe.publish(new DepartmentChanged(id, "Department " + id, parent, null, 1, Instant.now()), tenant, null);
        await().until(() -> count("select count(*) from directory_department where id = ?", id) == 1);
    }

    public ApiClient as(UUID user, String role) {
        return ApiClient.onPort(port).withToken(TestTokens.accessToken(tenant, user, role));
    }

    public ApiClient asMemberOf(UUID department, UUID user, String role) {
        return ApiClient.onPort(port).withToken(TestTokens.accessTokenInDepartment(tenant, user, department, role));
    }

    /** The company's administrator (not in the directory: an ADMIN may own records without being listed there). */
    public ApiClient admin() {
        return as(admin, "ADMIN");
    }

    /** A seeded pipeline by its code (leads, orders), seeding the company's pipelines on first use. */
    public JsonNode pipeline(String code) {
        var pipelines = admin().get("/api/deals/pipelines");
        assertThat(pipelines.status()).as(pipelines.body()).isEqualTo(200);
        for (JsonNode pipeline : pipelines.json()) {
            if (code.equals(pipeline.path("code").asString(null))) {
                return pipeline;
            }
        }
        throw new AssertionError("No pipeline " + code + " in " + pipelines.body());
    }

    public String pipelineId(String code) {
        return pipeline(code).get("id").asString();
    }

    /** A seeded stage of a seeded pipeline, by their codes. */
    public String stageId(String pipelineCode, String stageCode) {
        for (JsonNode stage : pipeline(pipelineCode).get("stages")) {
            if (stageCode.equals(stage.path("code").asString(null))) {
                return stage.get("id").asString();
            }
        }
        throw new AssertionError("No stage " + stageCode + " in " + pipelineCode);
    }

    /** A field of each element of a JSON array, as text (not searched for deeper down, as findValues would). */
    public static java.util.List<String> each(JsonNode array, String field) {
        java.util.List<String> values = new java.util.ArrayList<>();
        array.forEach(element -> values.add(element.path(field).isNull() ? null : element.path(field).asString()));
        return values;
    }

    public static long count(String sql, Object... args) throws Exception {
        try (var db = TestDatabase.get().connect(); var statement = db.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                statement.setObject(i + 1, args[i]);
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
