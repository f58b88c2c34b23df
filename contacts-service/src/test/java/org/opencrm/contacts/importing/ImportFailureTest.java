package org.opencrm.contacts.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.events.EventHeaders;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TestDatabase;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** What goes wrong: all or nothing, files that cannot be imported, and who may not see or run an import. */
@CrmIntegrationTest
class ImportFailureTest {

    @LocalServerPort
    int port;

    /** Rows with valid Ukrainian mobile numbers, numbered from 0. */
    private static String rows(int count, String markedName, int markedRow) {
        var csv = new StringBuilder("Last name,First name,Phone\n");
        for (int i = 0; i < count; i++) {
            csv.append("Client").append(i).append(',').append(i == markedRow ? markedName : "Test").append(",+38067")
                    .append(String.format("%07d", i)).append('\n');
        }
        return csv.toString();
    }

    @Test
    void aCancelledImportLeavesNoRows() {
        var company = new ImportClient(port);
        UUID manager = UUID.randomUUID();
        ApiClient api = company.as(manager, "MANAGER");
        var uploaded = company.uploadCsv(company.token(manager, "MANAGER"), rows(300_000, "Test", -1));
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        String id = uploaded.json().get("id").asString();
        company.startSuggested(api, uploaded.json(), "SKIP");
        await().until(() -> api.get("/api/contacts/imports/" + id).json().get("rowsRead").asInt() > 0);

        var cancelled = api.post("/api/contacts/imports/" + id + "/cancel", Map.of());

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(202);
        assertThat(cancelled.json().get("cancelRequested").asBoolean()).isTrue();
        JsonNode stopped = company.awaitStatus(api, id, "CANCELLED");
        assertThat(stopped.get("failure").asString()).contains("nothing was imported");
        assertThat(company.contacts()).isZero();
        assertThat(ImportClient.count("select count(*) from contact_point where tenant_id = ?", company.tenant)).isZero();
        assertThat(ImportClient.count("select count(*) from contact_import_rejection where import_id = ?",
                UUID.fromString(id))).isZero();
        var again = api.post("/api/contacts/imports/" + id + "/cancel", Map.of());
        assertThat(again.status()).isEqualTo(409);
        try (var events = TopicProbe.on(Topics.CONTACTS_CONTACT)) {
            var finished = events.awaitRecord(record -> record.key().equals(id)
                    && "import.finished".equals(TopicProbe.header(record, EventHeaders.TYPE)));
            assertThat(new String(finished.value(), java.nio.charset.StandardCharsets.UTF_8))
                    .contains("\"status\":\"CANCELLED\"").contains("\"created\":0");
        }
    }

    @Test
    void anImportTheDatabaseRefusesHalfWayLeavesNoRowsAndCanBeStartedAgain() throws Exception {
        var company = new ImportClient(port);
        UUID manager = UUID.randomUUID();
        ApiClient api = company.as(manager, "MANAGER");
        String marked = "Refused" + UUID.randomUUID().toString().substring(0, 8);
        try (var db = TestDatabase.get().connect(); var sql = db.createStatement()) {
            sql.execute("""
                    create or replace function refuse_marked_contact() returns trigger language plpgsql as $$
                    begin
                        if new.first_name like 'Refused%' then raise exception 'refused by the test'; end if;
                        return new;
                    end $$""");
            sql.execute("create trigger refuse_marked_contact before insert on contact for each row"
                    + " execute function refuse_marked_contact()");
        }
        String id;
        try {
            var uploaded = company.uploadCsv(company.token(manager, "MANAGER"), rows(5000, marked, 3000));
            id = uploaded.json().get("id").asString();
            company.startSuggested(api, uploaded.json(), "CREATE");

            JsonNode failed = company.awaitStatus(api, id, "FAILED");

            assertThat(failed.get("failure").asString()).contains("nothing was imported");
            assertThat(failed.at("/counts/created").asInt()).isZero();
            assertThat(company.contacts()).isZero();
            assertThat(ImportClient.count("select count(*) from contact_import_announcement where import_id = ?",
                    UUID.fromString(id))).isZero();
        } finally {
            try (var db = TestDatabase.get().connect(); var sql = db.createStatement()) {
                sql.execute("drop trigger refuse_marked_contact on contact");
                sql.execute("drop function refuse_marked_contact()");
            }
        }

        var retried = company.startSuggested(api, api.get("/api/contacts/imports/" + id).json(), "CREATE");

        assertThat(retried.status()).as(retried.body()).isEqualTo(202);
        assertThat(company.awaitStatus(api, id, "COMPLETED").at("/counts/created").asInt()).isEqualTo(5000);
        assertThat(company.contacts()).isEqualTo(5000);
        var twice = company.startSuggested(api, api.get("/api/contacts/imports/" + id).json(), "CREATE");
        assertThat(twice.status()).isEqualTo(409);
        assertThat(twice.json().get("type").asString()).isEqualTo("/problems/import-state");
    }

    @Test
    void aFileLargerThanFiftyMegabytesIsRefusedWith413() {
        var company = new ImportClient(port);
        byte[] large = new byte[50 * 1024 * 1024 + 1024];
        Arrays.fill(large, (byte) 'a');

        var response = company.upload(company.token(UUID.randomUUID(), "MANAGER"), "huge.csv", "text/csv", large);

        assertThat(response.status()).as(response.body()).isEqualTo(413);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void anUnreadableFileIsRefusedWithTheReason() {
        var company = new ImportClient(port);
        String token = company.token(UUID.randomUUID(), "MANAGER");

        var windows1251 = company.upload(token, "clients.csv", "text/csv",
                "Прізвище;Ім'я\nШевченко;Тарас\n".getBytes(Charset.forName("windows-1251")));
        var brokenWorkbook = company.upload(token, "clients.xlsx", XlsxImportTest.XLSX,
                new byte[] {'P', 'K', 3, 4, 1, 2, 3, 4, 5, 6, 7, 8, 9});
        var oldExcel = company.upload(token, "clients.xls", "application/vnd.ms-excel",
                new byte[] {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1});
        var headerOnly = company.uploadCsv(token, "Name,Phone\n");
        var brokenQuotes = company.uploadCsv(token, "Name,Phone\n\"Taras\"x,1\n");
        var empty = company.upload(token, "empty.csv", "text/csv", new byte[0]);

        assertThat(List.of(windows1251, brokenWorkbook, oldExcel, headerOnly, brokenQuotes, empty))
                .allSatisfy(response -> {
                    assertThat(response.status()).as(response.body()).isEqualTo(400);
                    assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("file");
                });
        assertThat(windows1251.json().at("/errors/0/message").asString()).contains("not UTF-8");
        assertThat(brokenWorkbook.json().at("/errors/0/message").asString()).contains("Excel workbook");
        assertThat(oldExcel.json().at("/errors/0/message").asString()).contains(".xls");
        assertThat(headerOnly.json().at("/errors/0/message").asString()).contains("no rows to import");
        assertThat(brokenQuotes.json().at("/errors/0/message").asString()).contains("CSV");
        assertThat(company.contacts()).isZero();
    }

    @Test
    void aBadMappingIsRefusedWithItsFieldsNamed() {
        var company = new ImportClient(port);
        UUID manager = UUID.randomUUID();
        ApiClient api = company.as(manager, "MANAGER");
        String id = company.uploadCsv(company.token(manager, "MANAGER"), "Name,Phone\nTaras,0671112233\n").json()
                .get("id").asString();

        var noName = api.post("/api/contacts/imports/" + id + "/start", Map.of("duplicates", "SKIP",
                "mapping", List.of(Map.of("column", 1, "field", "phone"))));
        var unknown = api.post("/api/contacts/imports/" + id + "/start", Map.of("duplicates", "SKIP",
                "mapping", List.of(Map.of("column", 0, "field", "firstName"), Map.of("column", 7, "field", "phone"),
                        Map.of("column", 1, "field", "customFields.nothing"))));
        var noDuplicates = api.post("/api/contacts/imports/" + id + "/start",
                Map.of("mapping", List.of(Map.of("column", 0, "field", "firstName"))));

        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("errors").findValuesAsString("field")).containsExactly("mapping");
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.json().get("errors").findValuesAsString("field"))
                .containsExactly("mapping[1].column", "mapping[2].field");
        assertThat(noDuplicates.status()).isEqualTo(400);
        assertThat(noDuplicates.json().get("errors").findValuesAsString("field")).containsExactly("duplicates");
        assertThat(api.get("/api/contacts/imports/" + id).json().get("status").asString()).isEqualTo("UPLOADED");
    }

    @Test
    void aMarketerOrADeveloperMayNotImport() {
        var company = new ImportClient(port);
        UUID manager = UUID.randomUUID();
        String id = company.uploadCsv(company.token(manager, "MANAGER"), "Name\nTaras\n").json().get("id").asString();

        var marketerUpload = company.uploadCsv(company.token(UUID.randomUUID(), "MARKETER"), "Name\nTaras\n");
        var developerUpload = company.uploadCsv(company.token(UUID.randomUUID(), "DEVELOPER"), "Name\nTaras\n");
        var marketerStart = company.as(manager, "MARKETER").post("/api/contacts/imports/" + id + "/start",
                Map.of("duplicates", "SKIP", "mapping", List.of(Map.of("column", 0, "field", "firstName"))));

        assertThat(marketerUpload.status()).isEqualTo(403);
        assertThat(developerUpload.status()).isEqualTo(403);
        assertThat(marketerStart.status()).isEqualTo(403);
        assertThat(marketerUpload.json().get("type").asString()).isEqualTo("/problems/forbidden");
    }

    @Test
    void anImportOfAnotherCompanyOrAnotherUserIsNotFound() {
        var company = new ImportClient(port);
        UUID manager = UUID.randomUUID();
        String id = company.uploadCsv(company.token(manager, "MANAGER"), "Name\nTaras\n").json().get("id").asString();
        var stranger = new ImportClient(port).as(manager, "ADMIN");
        var colleague = company.as(UUID.randomUUID(), "MANAGER");

        assertThat(stranger.get("/api/contacts/imports/" + id).status()).isEqualTo(404);
        assertThat(stranger.post("/api/contacts/imports/" + id + "/start", Map.of("duplicates", "SKIP",
                "mapping", List.of(Map.of("column", 0, "field", "firstName")))).status()).isEqualTo(404);
        assertThat(stranger.post("/api/contacts/imports/" + id + "/cancel", Map.of()).status()).isEqualTo(404);
        assertThat(stranger.get("/api/contacts/imports/" + id + "/rejected").status()).isEqualTo(404);
        assertThat(colleague.get("/api/contacts/imports/" + id).status()).isEqualTo(404);
        assertThat(company.as(UUID.randomUUID(), "ADMIN").get("/api/contacts/imports/" + id).status()).isEqualTo(200);
        assertThat(company.as(manager, "MANAGER").get("/api/contacts/imports/" + id + "/rejected").status())
                .as("the report is there once the import completed").isEqualTo(409);
        assertThat(company.as(manager, "MANAGER").get("/api/contacts/imports/" + UUID.randomUUID()).status())
                .isEqualTo(404);
    }
}
