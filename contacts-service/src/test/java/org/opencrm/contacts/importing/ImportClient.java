package org.opencrm.contacts.importing;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.opencrm.platform.events.identity.UserActivated;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.TestDatabase;
import org.opencrm.platform.test.TestTokens;
import org.opencrm.platform.test.TopicProbe;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A company and its people for the import and export tests: tokens, colleagues known from identity's
 * events, file uploads as a browser's form sends them, and waiting for an import to finish. It imports
 * contacts ({@code /api/contacts/imports}) unless made with {@link #ofCompanies}.
 */
public final class ImportClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    public final UUID tenant = UUID.randomUUID();
    /** The imports' path: {@code /api/contacts/imports} or {@code /api/companies/imports}. */
    public final String imports;
    private final int port;

    public ImportClient(int port) {
        this(port, "/api/contacts/imports");
    }

    private ImportClient(int port, String imports) {
        this.port = port;
        this.imports = imports;
    }

    /** A new company that imports companies. */
    public static ImportClient ofCompanies(int port) {
        return new ImportClient(port, "/api/companies/imports");
    }

    /** A colleague with a name, as identity-service announces them, once contacts-service has taken it in. */
    public UUID hire(String role, String firstName, String lastName) {
        UUID user = UUID.randomUUID();
        TopicProbe.publish(new UserActivated(user, user + "@example.com", firstName, lastName, role, null, Instant.now()),
                tenant, null);
        await().until(() -> count("select count(*) from directory_user where id = ?", user) == 1);
        return user;
    }

    /** A colleague as identity-service announces them, once contacts-service has taken it in. */
    public UUID hire(String role) {
        UUID user = UUID.randomUUID();
        TopicProbe.publish(new UserActivated(user, user + "@example.com", "Test", role, role, null, Instant.now()),
                tenant, null);
        await().until(() -> count("select count(*) from directory_user where id = ?", user) == 1);
        return user;
    }

    public String token(UUID user, String role) {
        return TestTokens.accessToken(tenant, user, role);
    }

    public ApiClient as(UUID user, String role) {
        return ApiClient.onPort(port).withToken(token(user, role));
    }

    /** POSTs one file as multipart/form-data in the part {@code file}. */
    public ApiClient.Response upload(String token, String filename, String mediaType, byte[] content) {
        String boundary = "crm-test-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: " + mediaType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + imports))
                .timeout(Duration.ofSeconds(60)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json, application/problem+json")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail))).build();
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new ApiClient.Response(response.statusCode(), response.body(), response);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public ApiClient.Response uploadCsv(String token, String csv) {
        return upload(token, "clients.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8));
    }

    /** Starts an import with the mapping its upload suggested. */
    public ApiClient.Response startSuggested(ApiClient api, JsonNode upload, String duplicates) {
        var mapping = new java.util.ArrayList<Map<String, Object>>();
        for (JsonNode column : upload.get("columns")) {
            if (!column.get("suggestedField").isNull()) {
                mapping.add(Map.of("column", column.get("index").asInt(), "field",
                        column.get("suggestedField").asString()));
            }
        }
        return api.post(imports + "/" + upload.get("id").asString() + "/start",
                Map.of("mapping", mapping, "duplicates", duplicates));
    }

    /** Waits until the import reached the status, and returns it as the API shows it. */
    public JsonNode awaitStatus(ApiClient api, String id, String status) {
        return await().until(() -> api.get(imports + "/" + id).json(),
                view -> view.get("status").asString().equals(status));
    }

    /** Uploads, starts with the suggested mapping and waits until the import completed. */
    public JsonNode importCsv(ApiClient api, String token, String csv, String duplicates) {
        var uploaded = uploadCsv(token, csv);
        if (uploaded.status() != 201) {
            throw new AssertionError(uploaded.toString());
        }
        var started = startSuggested(api, uploaded.json(), duplicates);
        if (started.status() != 202) {
            throw new AssertionError(started.toString());
        }
        return awaitStatus(api, uploaded.json().get("id").asString(), "COMPLETED");
    }

    public long contacts() {
        return count("select count(*) from contact where tenant_id = ?", tenant);
    }

    /** The company's live companies. */
    public long companies() {
        return count("select count(*) from company where tenant_id = ? and deleted_at is null", tenant);
    }

    public static long count(String sql, Object... parameters) {
        try (var db = TestDatabase.get().connect(); var statement = db.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (var rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    public static JsonNode json(String text) {
        return JSON.readTree(text);
    }
}
