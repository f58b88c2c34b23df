package org.opencrm.contacts.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.Charset;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** What goes wrong with a company import: all or nothing, files that cannot be imported, who may not. */
@CrmIntegrationTest
class CompanyImportFailureTest {

    @LocalServerPort
    int port;

    @Test
    void aCancelledCompanyImportLeavesNoCompanies() {
        var company = ImportClient.ofCompanies(port);
        UUID manager = UUID.randomUUID();
        ApiClient api = company.as(manager, "MANAGER");
        var csv = new StringBuilder("Name,Phone\n");
        for (int i = 0; i < 300_000; i++) {
            csv.append("Company ").append(i).append(",+38067").append(String.format("%07d", i)).append('\n');
        }
        var uploaded = company.uploadCsv(company.token(manager, "MANAGER"), csv.toString());
        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        String id = uploaded.json().get("id").asString();
        company.startSuggested(api, uploaded.json(), "SKIP");
        await().until(() -> api.get(company.imports + "/" + id).json().get("rowsRead").asInt() > 0);

        var cancelled = api.post(company.imports + "/" + id + "/cancel", Map.of());

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(202);
        JsonNode stopped = company.awaitStatus(api, id, "CANCELLED");
        assertThat(stopped.get("failure").asString()).contains("nothing was imported");
        assertThat(company.companies()).isZero();
        assertThat(ImportClient.count("select count(*) from company_point where tenant_id = ?", company.tenant)).isZero();
        assertThat(ImportClient.count("select count(*) from company_aud where tenant_id = ?", company.tenant)).isZero();
        assertThat(ImportClient.count("select count(*) from contact_import_rejection where import_id = ?",
                UUID.fromString(id))).isZero();
        assertThat(api.post(company.imports + "/" + id + "/cancel", Map.of()).status()).isEqualTo(409);
    }

    @Test
    void aTooLargeOrUnreadableFileIsRefused() {
        var company = ImportClient.ofCompanies(port);
        String token = company.token(UUID.randomUUID(), "MANAGER");
        byte[] large = new byte[50 * 1024 * 1024 + 1024];
        Arrays.fill(large, (byte) 'a');

        var tooLarge = company.upload(token, "huge.csv", "text/csv", large);
        var windows1251 = company.upload(token, "companies.csv", "text/csv",
                "Назва;ЄДРПОУ\nРомашка;14360570\n".getBytes(Charset.forName("windows-1251")));
        var headerOnly = company.uploadCsv(token, "Name,Tax ID\n");

        assertThat(tooLarge.status()).as(tooLarge.body()).isEqualTo(413);
        assertThat(tooLarge.header("Content-Type")).startsWith("application/problem+json");
        assertThat(List.of(windows1251, headerOnly)).allSatisfy(response -> {
            assertThat(response.status()).as(response.body()).isEqualTo(400);
            assertThat(response.json().at("/errors/0/field").asString()).isEqualTo("file");
        });
        assertThat(windows1251.json().at("/errors/0/message").asString()).contains("not UTF-8");
        assertThat(headerOnly.json().at("/errors/0/message").asString()).contains("no rows to import");
    }

    @Test
    void aMappingWithoutANameOrWithAContactsFieldIsRefused() {
        var company = ImportClient.ofCompanies(port);
        UUID manager = UUID.randomUUID();
        ApiClient api = company.as(manager, "MANAGER");
        String id = company.uploadCsv(company.token(manager, "MANAGER"), "Name,Tax ID\nRomashka,14360570\n").json()
                .get("id").asString();

        var noName = api.post(company.imports + "/" + id + "/start", Map.of("duplicates", "SKIP",
                "mapping", List.of(Map.of("column", 1, "field", "taxId"))));
        var contactsField = api.post(company.imports + "/" + id + "/start", Map.of("duplicates", "SKIP",
                "mapping", List.of(Map.of("column", 0, "field", "name"), Map.of("column", 1, "field", "lastName"))));

        assertThat(noName.status()).isEqualTo(400);
        assertThat(noName.json().get("errors").findValuesAsString("field")).containsExactly("mapping");
        assertThat(contactsField.status()).isEqualTo(400);
        assertThat(contactsField.json().get("errors").findValuesAsString("field")).containsExactly("mapping[1].field");
        assertThat(api.get(company.imports + "/" + id).json().get("status").asString()).isEqualTo("UPLOADED");
    }

    @Test
    void aMarketerOrADeveloperMayNotImportCompanies() {
        var company = ImportClient.ofCompanies(port);
        UUID manager = UUID.randomUUID();
        String id = company.uploadCsv(company.token(manager, "MANAGER"), "Name\nRomashka\n").json().get("id").asString();

        var marketerUpload = company.uploadCsv(company.token(UUID.randomUUID(), "MARKETER"), "Name\nRomashka\n");
        var developerUpload = company.uploadCsv(company.token(UUID.randomUUID(), "DEVELOPER"), "Name\nRomashka\n");
        var marketerStart = company.as(manager, "MARKETER").post(company.imports + "/" + id + "/start",
                Map.of("duplicates", "SKIP", "mapping", List.of(Map.of("column", 0, "field", "name"))));

        assertThat(marketerUpload.status()).isEqualTo(403);
        assertThat(developerUpload.status()).isEqualTo(403);
        assertThat(marketerStart.status()).isEqualTo(403);
        assertThat(company.companies()).isZero();
    }

    @Test
    void anImportOfAnotherCompanyOrOfContactsIsNotFound() {
        var company = ImportClient.ofCompanies(port);
        UUID manager = UUID.randomUUID();
        String token = company.token(manager, "MANAGER");
        String id = company.uploadCsv(token, "Name\nRomashka\n").json().get("id").asString();
        var stranger = ImportClient.ofCompanies(port).as(manager, "ADMIN");
        var colleague = company.as(UUID.randomUUID(), "MANAGER");
        ApiClient api = company.as(manager, "MANAGER");

        assertThat(stranger.get("/api/companies/imports/" + id).status()).isEqualTo(404);
        assertThat(stranger.post("/api/companies/imports/" + id + "/start", Map.of("duplicates", "SKIP",
                "mapping", List.of(Map.of("column", 0, "field", "name")))).status()).isEqualTo(404);
        assertThat(stranger.post("/api/companies/imports/" + id + "/cancel", Map.of()).status()).isEqualTo(404);
        assertThat(stranger.get("/api/companies/imports/" + id + "/rejected").status()).isEqualTo(404);
        assertThat(colleague.get("/api/companies/imports/" + id).status()).isEqualTo(404);
        assertThat(company.as(UUID.randomUUID(), "ADMIN").get("/api/companies/imports/" + id).status()).isEqualTo(200);
        assertThat(api.get("/api/contacts/imports/" + id).status()).as("a company import is no contact import")
                .isEqualTo(404);
        String contactImport = new ImportClient(port).uploadCsv(token, "Name\nTaras\n").json().get("id").asString();
        assertThat(api.get("/api/companies/imports/" + contactImport).status()).isEqualTo(404);
        assertThat(api.get("/api/contacts/imports/" + contactImport).status()).isEqualTo(200);
        assertThat(api.get("/api/companies/imports/" + UUID.randomUUID()).status()).isEqualTo(404);
    }
}
