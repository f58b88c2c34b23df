package org.opencrm.contacts.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Importing companies from an Excel workbook: numbers typed as numbers become tax numbers and phones. */
@CrmIntegrationTest
class CompanyXlsxImportTest {

    @LocalServerPort
    int port;

    @Test
    void aWorkbookWithRussianHeadersAndNumericCellsIsImportedAsCompanies() throws IOException {
        var company = ImportClient.ofCompanies(port);
        UUID manager = UUID.randomUUID();
        ApiClient api = company.as(manager, "MANAGER");
        byte[] workbook;
        try (var book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("Компании");
            var header = sheet.createRow(0);
            String[] headers = {"Название", "ИНН", "Отрасль", "Телефон", "Email", "Сайт"};
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            var romashka = sheet.createRow(1);
            romashka.createCell(0).setCellValue("ООО Ромашка");
            romashka.createCell(1).setCellValue(14360570d);
            romashka.createCell(2).setCellValue("Торговля");
            romashka.createCell(3).setCellValue(380441234567d);
            romashka.createCell(4).setCellValue("office@romashka.example");
            // a row left empty, then one with gaps
            var vasilek = sheet.createRow(3);
            vasilek.createCell(0).setCellValue("ЧП Василек");
            vasilek.createCell(1).setCellValue("3200 0001");
            vasilek.createCell(5).setCellValue("vasilek.example");
            // an EDRPOU code typed into a number cell, which kept 33715 of 00033715
            var leleka = sheet.createRow(4);
            leleka.createCell(0).setCellValue("ДП Лелека");
            leleka.createCell(1).setCellValue(33715d);
            book.write(out);
            workbook = out.toByteArray();
        }

        var uploaded = company.upload(company.token(manager, "MANAGER"), "компании.xlsx", XlsxImportTest.XLSX, workbook);

        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        JsonNode upload = uploaded.json();
        assertThat(upload.get("format").asString()).isEqualTo("XLSX");
        assertThat(upload.get("totalRows").asInt()).isEqualTo(3);
        assertThat(upload.get("columns").findValuesAsString("suggestedField")).containsExactly("name", "taxId",
                "industry", "phone", "email", "website");
        assertThat(upload.at("/preview/0/1").asString()).isEqualTo("14360570");

        company.startSuggested(api, upload, "SKIP");
        JsonNode done = company.awaitStatus(api, upload.get("id").asString(), "COMPLETED");

        assertThat(done.at("/counts/created").asInt()).isEqualTo(3);
        JsonNode romashka = api.get("/api/companies/" + api.get("/api/companies?q=14360570").json().at("/items/0/id")
                .asString()).json();
        assertThat(romashka.get("name").asString()).isEqualTo("ООО Ромашка");
        assertThat(romashka.get("industry").asString()).isEqualTo("Торговля");
        assertThat(romashka.get("phone").asString()).isEqualTo("+380 44 123 4567");
        assertThat(romashka.get("email").asString()).isEqualTo("office@romashka.example");
        JsonNode vasilek = api.get("/api/companies/" + api.get("/api/companies?q=32000001").json().at("/items/0/id")
                .asString()).json();
        assertThat(vasilek.get("name").asString()).isEqualTo("ЧП Василек");
        assertThat(vasilek.get("points").findValuesAsString("value")).containsExactly("https://vasilek.example");
        assertThat(vasilek.get("phone").isNull()).isTrue();
        assertThat(api.get("/api/companies?q=00033715").json().at("/items/0/name").asString()).isEqualTo("ДП Лелека");
    }
}
