package org.opencrm.telephony;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencrm.platform.events.contacts.CompanyCreated;
import org.opencrm.platform.events.contacts.ContactCreated;
import org.opencrm.platform.events.identity.DepartmentChanged;
import org.opencrm.platform.events.identity.UserActivated;
import org.opencrm.platform.events.identity.UserUpdated;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.TestDatabase;
import org.opencrm.platform.test.TestTokens;
import org.opencrm.platform.test.TopicProbe;

/**
 * A company for the telephony tests: a tenant of its own, its staff and clients announced the way identity and
 * contacts do (events), its exchange posting to the webhook with an integration token of scope telephony:write.
 */
public final class TestCompany {

    public final UUID tenant = UUID.randomUUID();
    public final UUID admin = UUID.randomUUID();
    private final int port;

    public TestCompany(int port) {
        this.port = port;
    }

    public ApiClient admin() {
        return as(admin, "ADMIN");
    }

    public ApiClient as(UUID user, String role) {
        return ApiClient.onPort(port).withToken(TestTokens.accessToken(tenant, user, role));
    }

    public ApiClient asMemberOf(UUID department, UUID user, String role) {
        return ApiClient.onPort(port).withToken(TestTokens.accessTokenInDepartment(tenant, user, department, role));
    }

    /** The exchange, with the token the gateway gets for an API key of scope telephony:write. */
    public ApiClient exchange() {
        return ApiClient.onPort(port).withToken(TestTokens.integrationToken(tenant, UUID.randomUUID(), "telephony:write"));
    }

    /** A user of the company (user.activated), with an extension on the exchange (user.updated) if given. */
    public UUID hire(String role, UUID department, String extension) {
        UUID user = UUID.randomUUID();
        TopicProbe.publish(new UserActivated(user, user + "@example.com", "Taras", "Melnyk", role, department,
                Instant.now()), tenant, null);
        await().until(() -> count("select count(*) from directory_user where id = ?", user) == 1);
        if (extension != null) {
            TopicProbe.publish(new UserUpdated(user, user + "@example.com", "Taras", "Melnyk", null, role, department,
                    null, extension, null, Instant.now()), tenant, null);
            await().until(() -> count("select count(*) from extension where user_id = ? and extension = ?", user,
                    extension) == 1);
        }
        return user;
    }

    public void department(UUID id, UUID parent) {
        TopicProbe.publish(new DepartmentChanged(id, "Department", parent, null, 1, Instant.now()), tenant, null);
        await().until(() -> count("select count(*) from directory_department where id = ?", id) == 1);
    }

    /** A contact as contacts-service announces it, once telephony knows its phones. */
    public UUID contact(String firstName, String lastName, UUID owner, boolean vip, String... phones) {
        UUID contact = UUID.randomUUID();
        TopicProbe.publish(new ContactCreated(contact, firstName, lastName, null, phones.length == 0 ? null : phones[0],
                owner, Instant.now(), null, "PERSON", "ACTIVE", vip, List.of(), List.of(phones), List.of(), 0), tenant,
                null);
        await().until(() -> count("select count(*) from caller_card where id = ? and version = 0", contact) == 1);
        return contact;
    }

    public UUID company(String name, String... phones) {
        UUID company = UUID.randomUUID();
        TopicProbe.publish(new CompanyCreated(company, name, null, null, null, List.of(), List.of(phones), List.of(),
                Instant.now(), 0), tenant, null);
        await().until(() -> count("select count(*) from caller_card where id = ? and version = 0", company) == 1);
        return company;
    }

    /** A recorded sample payload from src/test/resources/exchange. */
    public static String sample(String path) {
        try (InputStream in = TestCompany.class.getResourceAsStream("/exchange/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("No sample " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
