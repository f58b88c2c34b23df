package org.opencrm.contacts.exporting;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.opencrm.contacts.importing.ImportClient;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The contact list as a CSV or XLSX file: the same filters and visibility as the list, and a file that imports again. */
@CrmIntegrationTest
class ContactExportTest {

    @LocalServerPort
    int port;

    private static String create(ApiClient api, Map<String, Object> card) {
        var created = api.post("/api/contacts?confirmDuplicate=true", card);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    private static List<CSVRecord> csv(HttpResponse<byte[]> response) throws Exception {
        String text = new String(response.body(), StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        return CSVFormat.DEFAULT.parse(new java.io.StringReader(text.substring(1))).getRecords();
    }

    @Test
    void aManagerExportsTheFilteredListTheySeeAsCsv() throws Exception {
        var company = new ImportClient(port);
        UUID olena = UUID.randomUUID();
        UUID taras = UUID.randomUUID();
        UUID admin = UUID.randomUUID();
        create(company.as(olena, "MANAGER"), Map.of("firstName", "Olena", "lastName", "Kovalenko", "middleName", "Petrivna",
                "birthDate", "1990-04-12", "tags", List.of("wholesale", "kyiv"), "status", "ACTIVE", "vip", true,
                "points", List.of(Map.of("kind", "PHONE", "value", "067 111 22 33"),
                        Map.of("kind", "PHONE", "value", "044 123 45 67"),
                        Map.of("kind", "EMAIL", "value", "olena@example.com"))));
        create(company.as(taras, "MANAGER"), Map.of("firstName", "Taras", "lastName", "Bondar", "tags", List.of("kyiv")));
        String nobodys = create(company.as(admin, "ADMIN"), Map.of("firstName", "Nobody", "lastName", "Unassigned"));
        company.as(admin, "ADMIN").post("/api/contacts/assign", Map.of("ids", List.of(nobodys)));

        var all = company.as(olena, "MANAGER").getBytes("/api/contacts/export?format=csv&sort=name");
        var tagged = company.as(olena, "MANAGER").getBytes("/api/contacts/export?tag=wholesale");

        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/csv");
        assertThat(all.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment")
                .containsPattern("contacts-\\d{4}-\\d{2}-\\d{2}\\.csv");
        List<CSVRecord> rows = csv(all);
        assertThat(rows.getFirst().toList()).startsWith("Last name", "First name", "Middle name", "Phones", "E-mails");
        assertThat(rows.getFirst().toList()).endsWith("Kind", "Owner", "Created", "Updated");
        assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(0)).containsExactly("Kovalenko", "Unassigned");
        CSVRecord kovalenko = rows.get(1);
        assertThat(kovalenko.get(2)).isEqualTo("Petrivna");
        assertThat(kovalenko.get(3)).isEqualTo("+380 67 111 2233; +380 44 123 4567");
        assertThat(kovalenko.get(4)).isEqualTo("olena@example.com");
        assertThat(kovalenko.get(8)).isEqualTo("ACTIVE");
        assertThat(kovalenko.get(10)).isEqualTo("wholesale; kyiv");
        assertThat(kovalenko.get(11)).isEqualTo("true");
        assertThat(kovalenko.get(12)).isEqualTo("1990-04-12");
        assertThat(csv(tagged).subList(1, csv(tagged).size())).extracting(row -> row.get(0)).containsExactly("Kovalenko");
    }

    @Test
    void anAdministratorExportsEveryoneAsAnExcelWorkbookInTheirLanguage() throws Exception {
        var company = new ImportClient(port);
        UUID admin = UUID.randomUUID();
        var api = company.as(admin, "ADMIN");
        for (int i = 0; i < 250; i++) {
            create(api, Map.of("firstName", "Client" + i, "lastName", "Surname" + String.format("%03d", i),
                    "birthDate", "1980-01-15", "points", List.of(Map.of("kind", "PHONE", "value",
                            "+38067" + String.format("%07d", i)))));
        }

        var response = api.withHeader("Accept-Language", "uk").getBytes("/api/contacts/export?format=xlsx&sort=name");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Disposition").orElseThrow()).contains(".xlsx");
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(response.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Контакти");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Прізвище");
            assertThat(sheet.getLastRowNum()).as("every page of the list").isEqualTo(250);
            List<String> surnames = new ArrayList<>();
            for (int i = 1; i <= 250; i++) {
                surnames.add(sheet.getRow(i).getCell(0).getStringCellValue());
            }
            assertThat(surnames).isSorted().doesNotHaveDuplicates().first().isEqualTo("Surname000");
            var birthDate = sheet.getRow(1).getCell(12);
            assertThat(birthDate.getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(new DataFormatter().formatCellValue(birthDate)).isEqualTo("1980-01-15");
            assertThat(sheet.getRow(1).getCell(3).getStringCellValue()).isEqualTo("+380 67 000 0000");
        }
    }

    @Test
    void anExportedFileImportsAgainWithEveryColumnMapped() throws Exception {
        var company = new ImportClient(port);
        UUID admin = UUID.randomUUID();
        create(company.as(admin, "ADMIN"), Map.of("firstName", "Round", "lastName", "Trip",
                "points", List.of(Map.of("kind", "EMAIL", "value", "round@example.com"))));
        byte[] exported = company.as(admin, "ADMIN").getBytes("/api/contacts/export?format=csv").body();
        var other = new ImportClient(port);

        var uploaded = other.upload(other.token(admin, "ADMIN"), "contacts.csv", "text/csv", exported);

        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(uploaded.json().get("columns").findValuesAsString("suggestedField")).startsWith("lastName",
                "firstName", "middleName", "phone", "email", "address", "website", "position", "status", "source",
                "tags", "vip", "birthDate", "notes");
    }

    @Test
    void aBadFormatOrFilterIsRefusedAndADeveloperExportsNothing() {
        var company = new ImportClient(port);
        var manager = company.as(UUID.randomUUID(), "MANAGER");

        assertThat(manager.get("/api/contacts/export?format=pdf").status()).isEqualTo(400);
        assertThat(manager.get("/api/contacts/export?sort=shoeSize").status()).isEqualTo(400);
        assertThat(company.as(UUID.randomUUID(), "DEVELOPER").get("/api/contacts/export").status()).isEqualTo(403);
    }

    @Test
    void theCompanyListIsExportedWithItsFiltersPointsAndContactPersonsInTheReadersLanguage() throws Exception {
        var company = new ImportClient(port);
        UUID manager = UUID.randomUUID();
        var api = company.as(manager, "MANAGER");
        String kovalenko = api.post("/api/companies", Map.of("name", "Kovalenko Trading", "taxId", "14360570",
                "industry", "Wholesale", "tags", List.of("partner"), "points", List.of(
                        Map.of("kind", "PHONE", "value", "044 123 45 67"),
                        Map.of("kind", "EMAIL", "value", "office@kt.example")))).json().get("id").asString();
        api.post("/api/companies", Map.of("name", "Bondar Logistics"));
        String person = create(api, Map.of("firstName", "Olena"));
        api.post("/api/companies/" + kovalenko + "/members", Map.of("contactId", person, "position", "Buyer"));
        company.as(UUID.randomUUID(), "MANAGER").post("/api/companies", Map.of("name", "Someone else's"));

        var all = api.getBytes("/api/companies/export?format=csv&sort=name");
        var tagged = api.withHeader("Accept-Language", "ru").getBytes("/api/companies/export?format=xlsx&tag=partner");

        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(all.headers().firstValue("Content-Disposition").orElseThrow())
                .containsPattern("companies-\\d{4}-\\d{2}-\\d{2}\\.csv");
        List<CSVRecord> rows = csv(all);
        assertThat(rows.getFirst().toList()).startsWith("Name", "Tax number", "Industry", "Phone", "E-mail");
        assertThat(rows.subList(1, rows.size())).extracting(row -> row.get(0))
                .containsExactly("Bondar Logistics", "Kovalenko Trading");
        CSVRecord kt = rows.get(2);
        assertThat(kt.toList().subList(0, 5)).containsExactly("Kovalenko Trading", "14360570", "Wholesale",
                "+380 44 123 4567", "office@kt.example");
        assertThat(kt.get(7)).isEqualTo("partner");
        assertThat(kt.get(rows.getFirst().toList().indexOf("Contact persons"))).isEqualTo("1");
        assertThat(tagged.statusCode()).isEqualTo(200);
        try (var workbook = new XSSFWorkbook(new ByteArrayInputStream(tagged.body()))) {
            var sheet = workbook.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("Компании");
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).isEqualTo("Название");
            assertThat(sheet.getLastRowNum()).isEqualTo(1);
            assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Kovalenko Trading");
        }
        assertThat(api.get("/api/companies/export?format=pdf").status()).isEqualTo(400);
        assertThat(company.as(UUID.randomUUID(), "DEVELOPER").get("/api/companies/export").status()).isEqualTo(403);
    }
}
