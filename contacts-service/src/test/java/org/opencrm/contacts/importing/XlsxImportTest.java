package org.opencrm.contacts.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.LocalDate;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Importing an Excel workbook: typed cells (numbers, dates, booleans) become the card's values. */
@CrmIntegrationTest
class XlsxImportTest {

    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    @LocalServerPort
    int port;

    @Test
    void aWorkbookWithRussianHeadersAndTypedCellsIsImported() throws IOException {
        var company = new ImportClient(port);
        UUID manager = UUID.randomUUID();
        ApiClient api = company.as(manager, "MANAGER");
        byte[] workbook;
        try (var book = new XSSFWorkbook(); var out = new ByteArrayOutputStream()) {
            var sheet = book.createSheet("Клиенты");
            var date = book.createCellStyle();
            date.setDataFormat(book.createDataFormat().getFormat("dd.mm.yyyy"));
            var header = sheet.createRow(0);
            String[] headers = {"Фамилия", "Имя", "Отчество", "Телефон", "Email", "Дата рождения", "VIP"};
            for (int i = 0; i < headers.length; i++) {
                header.createCell(i).setCellValue(headers[i]);
            }
            var ivanov = sheet.createRow(1);
            ivanov.createCell(0).setCellValue("Иванов");
            ivanov.createCell(1).setCellValue("Иван");
            ivanov.createCell(2).setCellValue("Иванович");
            ivanov.createCell(3).setCellValue(380671234567d);
            ivanov.createCell(4).setCellValue("ivan@example.com");
            var birthday = ivanov.createCell(5);
            birthday.setCellValue(LocalDate.of(1985, 5, 20));
            birthday.setCellStyle(date);
            ivanov.createCell(6).setCellValue(true);
            // a row left empty, then one with gaps: column numbers come from the cells' references
            var petrov = sheet.createRow(3);
            petrov.createCell(0).setCellValue("Петров");
            petrov.createCell(1).setCellValue("Пётр");
            petrov.createCell(3).setCellValue("067 765 43 21");
            book.write(out);
            workbook = out.toByteArray();
        }

        var uploaded = company.upload(company.token(manager, "MANAGER"), "клиенты.xlsx", XLSX, workbook);

        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        JsonNode upload = uploaded.json();
        assertThat(upload.get("format").asString()).isEqualTo("XLSX");
        assertThat(upload.get("fileName").asString()).isEqualTo("клиенты.xlsx");
        assertThat(upload.get("totalRows").asInt()).isEqualTo(2);
        assertThat(upload.get("columns").findValuesAsString("suggestedField")).containsExactly("lastName", "firstName",
                "middleName", "phone", "email", "birthDate", "vip");
        assertThat(upload.at("/preview/0/3").asString()).isEqualTo("380671234567");
        assertThat(upload.at("/preview/0/5").asString()).isEqualTo("1985-05-20");
        assertThat(upload.at("/preview/1/3").asString()).isEqualTo("067 765 43 21");

        company.startSuggested(api, upload, "SKIP");
        JsonNode done = company.awaitStatus(api, upload.get("id").asString(), "COMPLETED");

        assertThat(done.at("/counts/created").asInt()).isEqualTo(2);
        JsonNode ivan = api.get("/api/contacts/" + api.get("/api/contacts?q=Иванов").json().at("/items/0/id").asString())
                .json();
        assertThat(ivan.get("phone").asString()).isEqualTo("+380 67 123 4567");
        assertThat(ivan.get("birthDate").asString()).isEqualTo("1985-05-20");
        assertThat(ivan.get("vip").asBoolean()).isTrue();
        assertThat(ivan.get("middleName").asString()).isEqualTo("Иванович");
        JsonNode petr = api.get("/api/contacts/" + api.get("/api/contacts?q=Петров").json().at("/items/0/id").asString())
                .json();
        assertThat(petr.get("phone").asString()).isEqualTo("+380 67 765 4321");
        assertThat(petr.get("email").isNull()).isTrue();
    }
}
