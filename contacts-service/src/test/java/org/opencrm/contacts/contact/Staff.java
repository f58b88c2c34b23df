package org.opencrm.contacts.contact;

import static org.awaitility.Awaitility.await;

import java.time.Instant;
import java.util.UUID;
import org.opencrm.platform.events.identity.DepartmentChanged;
import org.opencrm.platform.events.identity.UserActivated;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.TestDatabase;
import org.opencrm.platform.test.TestTokens;
import org.opencrm.platform.test.TopicProbe;

/** A company's people for the tests: each signs in with a real token and is known from identity's events. */
final class Staff {

    final UUID tenant = UUID.randomUUID();
    private final int port;

    Staff(int port) {
        this.port = port;
    }

    /** A user as identity-service announces them (user.activated), once contacts-service has taken it in. */
    UUID hire(String role, UUID departmentId) {
        UUID user = UUID.randomUUID();
        TopicProbe.publish(new UserActivated(user, user + "@example.com", "Test", role, role, departmentId,
                Instant.now()), tenant, null);
        await().until(() -> known(user));
        return user;
    }

    /** A department under another (or at the top), as identity-service announces it. */
    void department(UUID id, UUID parent) {
        TopicProbe.publish(new DepartmentChanged(id, "Department " + id, parent, null, 1, Instant.now()), tenant, null);
        await().until(() -> count("select count(*) from directory_department where id = ?", id) == 1);
    }

    ApiClient as(UUID user, String role) {
        return ApiClient.onPort(port).withToken(TestTokens.accessToken(tenant, user, role));
    }

    ApiClient asMemberOf(UUID department, UUID user, String role) {
        return ApiClient.onPort(port).withToken(TestTokens.accessTokenInDepartment(tenant, user, department, role));
    }

    private static boolean known(UUID user) throws Exception {
        return count("select count(*) from directory_user where id = ?", user) == 1;
    }

    private static int count(String sql, UUID id) throws Exception {
        try (var db = TestDatabase.get().connect(); var statement = db.prepareStatement(sql)) {
            statement.setObject(1, id);
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }
}
