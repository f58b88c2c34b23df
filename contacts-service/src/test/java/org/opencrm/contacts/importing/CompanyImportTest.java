package org.opencrm.contacts.importing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.events.EventHeaders;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Importing companies from CSV: mapping by headers, duplicates by tax number, phone and e-mail under each
 * policy, the report of refused rows, owners, history, events, and a company export imported again.
 */
@CrmIntegrationTest
class CompanyImportTest {

    private static TopicProbe companyEvents;

    @LocalServerPort
    int port;

    @BeforeAll
    static void watchTopic() {
        companyEvents = TopicProbe.on(Topics.CONTACTS_COMPANY);
    }

    @AfterAll
    static void stopWatching() {
        companyEvents.close();
    }

    @Test
    void aUkrainianCsvIsMappedByItsHeadersAndImportedAsCompaniesWithHistoryAndEvents() {
        var company = ImportClient.ofCompanies(port);
        UUID manager = UUID.randomUUID();
        String token = company.token(manager, "MANAGER");
        ApiClient api = company.as(manager, "MANAGER");
        String csv = "\uFEFFНазва;ЄДРПОУ;Галузь;Телефон;E-mail;Адреса;Сайт;Теги;Примітки;Колонка\n"
                + "ТОВ Ромашка;1436 0570;Оптова торгівля;044 123 45 67, 067 111 22 33;Office@Romashka.ua;"
                + "м. Київ, вул. Хрещатик, 1;romashka.ua;опт, партнер;Надійний;x\n"
                + "ФОП Коваль;;;050 222 33 44;;;;;;y\n";

        var uploaded = company.uploadCsv(token, csv);

        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        assertThat(uploaded.header("Location")).startsWith("/api/companies/imports/");
        JsonNode upload = uploaded.json();
        assertThat(upload.get("totalRows").asInt()).isEqualTo(2);
        assertThat(suggested(upload)).containsExactly("name", "taxId", "industry", "phone", "email", "address",
                "website", "tags", "notes", null);
        assertThat(upload.get("fields").findValuesAsString("field")).startsWith("name", "taxId", "industry")
                .contains("owner").doesNotContain("firstName");

        var started = company.startSuggested(api, upload, "SKIP");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode done = company.awaitStatus(api, upload.get("id").asString(), "COMPLETED");

        assertThat(done.get("counts").toString()).isEqualTo("{\"created\":2,\"updated\":0,\"skipped\":0,\"rejected\":0}");
        String romashkaId = find(api, "Ромашка");
        JsonNode romashka = api.get("/api/companies/" + romashkaId).json();
        assertThat(romashka.get("name").asString()).isEqualTo("ТОВ Ромашка");
        assertThat(romashka.get("taxId").asString()).isEqualTo("14360570");
        assertThat(romashka.get("industry").asString()).isEqualTo("Оптова торгівля");
        assertThat(romashka.get("points").findValuesAsString("value")).containsExactly("+380 44 123 4567",
                "+380 67 111 2233", "office@romashka.ua", "м. Київ, вул. Хрещатик, 1", "https://romashka.ua");
        assertThat(romashka.get("phone").asString()).isEqualTo("+380 44 123 4567");
        assertThat(romashka.get("email").asString()).isEqualTo("office@romashka.ua");
        assertThat(strings(romashka.get("tags"))).containsExactly("опт", "партнер");
        assertThat(romashka.get("notes").asString()).isEqualTo("Надійний");
        assertThat(romashka.get("ownerId").asString()).isEqualTo(manager.toString());
        assertThat(romashka.get("createdBy").asString()).isEqualTo(manager.toString());
        assertThat(romashka.get("version").asLong()).isZero();
        assertThat(api.get("/api/companies?q=14360570").json().findValuesAsString("id")).containsExactly(romashkaId);

        JsonNode history = api.get("/api/companies/" + romashkaId + "/history").json();
        assertThat(history.findValuesAsString("action")).containsExactly("CREATED");
        assertThat(history.at("/0/actorId").asString()).isEqualTo(manager.toString());
        assertThat(history.at("/0/fields").findValuesAsString("field")).contains("name", "taxId", "points", "tags");

        var event = companyEvents.awaitRecord(record -> record.key().equals(romashkaId)
                && "company.created".equals(TopicProbe.header(record, EventHeaders.TYPE)));
        JsonNode data = ImportClient.json(new String(event.value(), StandardCharsets.UTF_8));
        assertThat(data.get("name").asString()).isEqualTo("ТОВ Ромашка");
        assertThat(data.get("taxId").asString()).isEqualTo("14360570");
        assertThat(strings(data.get("phones"))).containsExactly("+380441234567", "+380671112233");
        assertThat(strings(data.get("emails"))).containsExactly("office@romashka.ua");
        assertThat(data.get("ownerId").asString()).isEqualTo(manager.toString());
        assertThat(data.get("version").asLong()).isZero();
        assertThat(TopicProbe.header(event, EventHeaders.ACTOR_ID)).isEqualTo(manager.toString());
        assertThat(TopicProbe.header(event, EventHeaders.TENANT_ID)).isEqualTo(company.tenant.toString());
        String kovalId = find(api, "Коваль");
        companyEvents.awaitRecord(record -> record.key().equals(kovalId)
                && "company.created".equals(TopicProbe.header(record, EventHeaders.TYPE)));
        assertThat(company.awaitStatus(api, upload.get("id").asString(), "COMPLETED").get("announced").asInt())
                .isEqualTo(2);
        assertThat(company.contacts()).as("companies are not contacts").isZero();
    }

    @Test
    void skippedDuplicatesShareATaxNumberAPhoneOrAnEmailWithACompanyOrAnEarlierRow() {
        var company = ImportClient.ofCompanies(port);
        UUID manager = UUID.randomUUID();
        ApiClient api = company.as(manager, "MANAGER");
        create(api, Map.of("name", "Existing", "taxId", "32000001"));
        create(api, Map.of("name", "By phone", "points", List.of(point("PHONE", "044 000 00 01"))));

        JsonNode done = company.importCsv(api, company.token(manager, "MANAGER"), """
                Name,Tax ID,Phone,Email
                Existing again,3200 0001,,
                Phone again,,+380440000001,
                New one,,,new@firm.example
                Same new one,,,NEW@firm.example
                """, "SKIP");

        assertThat(done.get("counts").toString()).isEqualTo("{\"created\":1,\"updated\":0,\"skipped\":3,\"rejected\":0}");
        assertThat(company.companies()).isEqualTo(3);
        assertThat(api.get("/api/companies?q=again").json().get("items").size()).isZero();
    }

    @Test
    void updatingDuplicatesBringsTheRowsIntoTheCompaniesAndKeepsEachTaxNumberOneCompanys() {
        var company = ImportClient.ofCompanies(port);
        UUID manager = UUID.randomUUID();
        ApiClient api = company.as(manager, "MANAGER");
        String mine = create(api, Map.of("name", "Kovalenko Trading", "taxId", "00131890", "industry", "Retail",
                "tags", List.of("kyiv"), "points", List.of(point("PHONE", "044 000 00 02"))));
        create(company.as(UUID.randomUUID(), "MANAGER"), Map.of("name", "Theirs",
                "points", List.of(point("PHONE", "044 000 00 03"))));
        String csv = """
                Name,Tax number,Industry,Phone,Email,Tags
                Kovalenko Trading,0013 1890,Wholesale,,office@kt.example,wholesale
                Someone else,,,0440000003,,
                Nova Firm,43112351,,0501110000,,
                Nova Firm,,,+380501110000,nova@firm.example,vip
                Kovalenko Trading,43112351,,0440000002,,
                Kovalenko Trading,,Wholesale,0440000002,,kyiv
                """;

        JsonNode done = company.importCsv(api, company.token(manager, "MANAGER"), csv, "UPDATE");

        assertThat(done.get("counts").toString()).isEqualTo("{\"created\":1,\"updated\":2,\"skipped\":1,\"rejected\":2}");
        JsonNode updated = api.get("/api/companies/" + mine).json();
        assertThat(updated.get("name").asString()).isEqualTo("Kovalenko Trading");
        assertThat(updated.get("taxId").asString()).isEqualTo("00131890");
        assertThat(updated.get("industry").asString()).isEqualTo("Wholesale");
        assertThat(strings(updated.get("tags"))).containsExactly("kyiv", "wholesale");
        assertThat(updated.get("points").findValuesAsString("value")).containsExactly("+380 44 000 0002",
                "office@kt.example");
        assertThat(updated.get("email").asString()).isEqualTo("office@kt.example");
        assertThat(updated.get("version").asLong()).isEqualTo(1);
        JsonNode history = api.get("/api/companies/" + mine + "/history").json();
        assertThat(history.findValuesAsString("action")).containsExactly("UPDATED", "CREATED");
        assertThat(history.at("/0/fields").findValuesAsString("field")).containsExactlyInAnyOrder("industry", "tags",
                "points");
        assertThat(history.at("/0/actorId").asString()).isEqualTo(manager.toString());
        String nova = find(api, "Nova");
        JsonNode merged = api.get("/api/companies/" + nova).json();
        assertThat(merged.get("taxId").asString()).isEqualTo("43112351");
        assertThat(merged.get("points").findValuesAsString("value")).containsExactly("+380 50 111 0000",
                "nova@firm.example");
        assertThat(strings(merged.get("tags"))).containsExactly("vip");
        assertThat(merged.get("version").asLong()).isZero();
        assertThat(api.get("/api/companies/" + nova + "/history").json().findValuesAsString("action"))
                .containsExactly("CREATED");
        assertThat(company.companies()).isEqualTo(3);

        var event = companyEvents.awaitRecord(record -> record.key().equals(mine)
                && "company.updated".equals(TopicProbe.header(record, EventHeaders.TYPE)));
        JsonNode data = ImportClient.json(new String(event.value(), StandardCharsets.UTF_8));
        assertThat(data.get("version").asLong()).isEqualTo(1);
        assertThat(data.get("industry").asString()).isEqualTo("Wholesale");
        assertThat(strings(data.get("emails"))).containsExactly("office@kt.example");
        var created = companyEvents.awaitRecord(record -> record.key().equals(nova)
                && "company.created".equals(TopicProbe.header(record, EventHeaders.TYPE)));
        assertThat(strings(ImportClient.json(new String(created.value(), StandardCharsets.UTF_8)).get("emails")))
                .containsExactly("nova@firm.example");

        String report = new String(api.getBytes(company.imports + "/" + done.get("id").asString() + "/rejected").body(),
                StandardCharsets.UTF_8);
        assertThat(report.lines().toList()).containsExactly(
                "\uFEFFRow,Reasons,Name,Tax number,Industry,Phone,Email,Tags",
                "3,\"The tax number, a phone or an e-mail of this row belongs to a colleague's company that you may"
                        + " not change\",Someone else,,,0440000003,,",
                "6,\"Tax number: \"\"43112351\"\" belongs to another company in the client base\",Kovalenko Trading,"
                        + "43112351,,0440000002,,");
    }

    @Test
    void creatingDuplicatesAddsCompaniesButNeverASecondOneWithATaxNumber() {
        var company = ImportClient.ofCompanies(port);
        UUID manager = UUID.randomUUID();
        ApiClient api = company.as(manager, "MANAGER");
        create(api, Map.of("name", "First", "taxId", "37965431", "points", List.of(point("PHONE", "044 000 00 04"))));

        JsonNode done = company.importCsv(api, company.token(manager, "MANAGER"), """
                Name,Tax ID,Phone
                Second copy,,0440000004
                Third copy,3796 5431,
                Fourth,20100011,
                Fifth,20100011,
                """, "CREATE");

        assertThat(done.get("counts").toString()).isEqualTo("{\"created\":2,\"updated\":0,\"skipped\":0,\"rejected\":2}");
        assertThat(company.companies()).isEqualTo(3);
        assertThat(api.get("/api/companies?q=copy").json().get("items").findValuesAsString("name"))
                .containsExactly("Second copy");
        String report = new String(api.getBytes(company.imports + "/" + done.get("id").asString() + "/rejected").body(),
                StandardCharsets.UTF_8);
        assertThat(report.lines().toList()).containsExactly("\uFEFFRow,Reasons,Name,Tax ID,Phone",
                "3,\"Tax ID: \"\"37965431\"\" belongs to another company in the client base\",Third copy,3796 5431,",
                "5,\"Tax ID: \"\"20100011\"\" is the tax number of row 4 of the file as well\",Fifth,20100011,");
    }

    @Test
    void refusedRowsAreReportedWithTheirRowNumberReasonsAndOriginalValues() {
        var company = ImportClient.ofCompanies(port);
        UUID manager = UUID.randomUUID();
        ApiClient api = company.as(manager, "MANAGER");
        String csv = """
                Назва,ЄДРПОУ,Телефон,Відповідальний
                Добра,00033715,0441234567,
                Погана,14360571,,
                ,22723532,,
                Третя,№ 5,12,
                Четверта,,,Нікому Невідомий
                """;

        JsonNode done = company.importCsv(api, company.token(manager, "MANAGER"), csv, "SKIP");

        assertThat(done.get("counts").toString()).isEqualTo("{\"created\":1,\"updated\":0,\"skipped\":0,\"rejected\":4}");
        var report = api.getBytes(company.imports + "/" + done.get("id").asString() + "/rejected");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Disposition").orElseThrow()).contains("clients-rejected.csv");
        assertThat(new String(report.body(), StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "\uFEFFRow,Reasons,Назва,ЄДРПОУ,Телефон,Відповідальний",
                "3,\"ЄДРПОУ: \"\"14360571\"\" is not a valid tax number (an EDRPOU code has 8 digits with a check"
                        + " digit)\",Погана,14360571,,",
                "4,Назва: must not be blank,,22723532,,",
                "5,\"ЄДРПОУ: \"\"№ 5\"\" is not a valid tax number (an EDRPOU code has 8 digits with a check digit); "
                        + "Телефон: \"\"12\"\" is not a valid phone number\",Третя,№ 5,12,",
                "6,\"Відповідальний: \"\"Нікому Невідомий\"\" is not an active user of the company\",Четверта,,,"
                        + "Нікому Невідомий");
        assertThat(company.companies()).isEqualTo(1);
        assertThat(api.get("/api/companies?q=Добра").json().at("/items/0/taxId").asString()).isEqualTo("00033715");
    }

    @Test
    void ownersAreNamedByNameOrIdWithinWhatTheImporterMayAssignAndCustomFieldsAreChecked() {
        var company = ImportClient.ofCompanies(port);
        UUID admin = UUID.randomUUID();
        ApiClient api = company.as(admin, "ADMIN");
        UUID olena = company.hire("MANAGER", "Олена", "Коваленко");
        var defined = api.post("/api/contacts/custom-fields", Map.of("entity", "COMPANY", "key", "level",
                "label", "Рівень партнера", "type", "SELECT", "options", List.of("Gold", "Silver")));
        assertThat(defined.status()).as(defined.body()).isEqualTo(201);
        String csv = """
                Назва,Відповідальний,Рівень партнера
                Перша,Коваленко Олена,Gold
                Друга,%s,
                Третя,,Silver
                Четверта,олена коваленко,Bronze
                """.formatted(admin);

        var uploaded = company.uploadCsv(company.token(admin, "ADMIN"), csv);
        assertThat(suggested(uploaded.json())).containsExactly("name", "owner", "customFields.level");
        company.startSuggested(api, uploaded.json(), "SKIP");
        JsonNode done = company.awaitStatus(api, uploaded.json().get("id").asString(), "COMPLETED");

        assertThat(done.get("counts").toString()).isEqualTo("{\"created\":3,\"updated\":0,\"skipped\":0,\"rejected\":1}");
        JsonNode first = api.get("/api/companies/" + find(api, "Перша")).json();
        assertThat(first.get("ownerId").asString()).isEqualTo(olena.toString());
        assertThat(first.at("/customFields/level").asString()).isEqualTo("Gold");
        assertThat(api.get("/api/companies/" + find(api, "Друга")).json().get("ownerId").asString())
                .isEqualTo(admin.toString());
        assertThat(api.get("/api/companies/" + find(api, "Третя")).json().get("ownerId").asString())
                .isEqualTo(admin.toString());
        String report = new String(api.getBytes(company.imports + "/" + done.get("id").asString() + "/rejected").body(),
                StandardCharsets.UTF_8);
        assertThat(report).contains("5,\"Рівень партнера: must be one of Gold, Silver\",Четверта,олена коваленко,Bronze");

        UUID manager = UUID.randomUUID();
        JsonNode byManager = company.importCsv(company.as(manager, "MANAGER"), company.token(manager, "MANAGER"), """
                Назва,Відповідальний
                П'ята,Коваленко Олена
                Шоста,
                """, "SKIP");
        assertThat(byManager.get("counts").toString())
                .isEqualTo("{\"created\":1,\"updated\":0,\"skipped\":0,\"rejected\":1}");
        assertThat(new String(company.as(manager, "MANAGER").getBytes(company.imports + "/"
                + byManager.get("id").asString() + "/rejected").body(), StandardCharsets.UTF_8))
                .contains("2,\"Відповідальний: you may not hand companies to \"\"Коваленко Олена\"\"\"");
        assertThat(company.as(manager, "MANAGER").get("/api/companies/" + find(api, "Шоста")).json().get("ownerId")
                .asString()).isEqualTo(manager.toString());
    }

    @Test
    void aCompanyExportImportsAgainInAnotherCompanyWithEveryColumnMapped() {
        var source = ImportClient.ofCompanies(port);
        UUID sourceAdmin = UUID.randomUUID();
        ApiClient exporter = source.as(sourceAdmin, "ADMIN");
        UUID sourceOwner = source.hire("MANAGER", "Olena", "Kovalenko");
        defineLevel(exporter);
        create(exporter, Map.of("name", "Kovalenko Trading", "taxId", "14360570", "industry", "Wholesale",
                "tags", List.of("partner", "kyiv"), "notes", "Pays on time", "customFields", Map.of("level", "Gold"),
                "ownerId", sourceOwner.toString(), "points", List.of(point("PHONE", "044 123 45 67"),
                        point("EMAIL", "office@kt.example"), point("ADDRESS", "Kyiv, Khreshchatyk 1"),
                        point("WEBSITE", "kt.example"))));
        create(exporter, Map.of("name", "Bondar Logistics", "ownerId", sourceOwner.toString()));
        var target = ImportClient.ofCompanies(port);
        UUID targetAdmin = UUID.randomUUID();
        ApiClient importer = target.as(targetAdmin, "ADMIN");
        UUID targetOwner = target.hire("MANAGER", "Olena", "Kovalenko");
        defineLevel(importer);

        JsonNode ukrainian = null;
        for (String language : List.of("en", "uk", "ru")) {
            var exported = exporter.withHeader("Accept-Language", language).getBytes("/api/companies/export?format=csv");
            assertThat(exported.statusCode()).isEqualTo(200);

            var uploaded = target.upload(target.token(targetAdmin, "ADMIN"), "companies.csv", "text/csv",
                    exported.body());

            assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
            assertThat(suggested(uploaded.json())).as(language).containsExactly("name", "taxId", "industry", "phone",
                    "email", "address", "website", "tags", "notes", "customFields.level", "owner", null, null);
            if (language.equals("uk")) {
                ukrainian = uploaded.json();
            }
        }

        target.startSuggested(importer, ukrainian, "SKIP");
        JsonNode done = target.awaitStatus(importer, ukrainian.get("id").asString(), "COMPLETED");

        assertThat(done.get("counts").toString()).isEqualTo("{\"created\":2,\"updated\":0,\"skipped\":0,\"rejected\":0}");
        JsonNode copy = importer.get("/api/companies/" + find(importer, "Kovalenko")).json();
        assertThat(copy.get("taxId").asString()).isEqualTo("14360570");
        assertThat(copy.get("industry").asString()).isEqualTo("Wholesale");
        assertThat(strings(copy.get("tags"))).containsExactly("partner", "kyiv");
        assertThat(copy.get("notes").asString()).isEqualTo("Pays on time");
        assertThat(copy.at("/customFields/level").asString()).isEqualTo("Gold");
        assertThat(copy.get("points").findValuesAsString("value")).containsExactly("+380 44 123 4567",
                "office@kt.example", "Kyiv, Khreshchatyk 1", "https://kt.example");
        assertThat(copy.get("ownerId").asString()).isEqualTo(targetOwner.toString());
    }

    private static void defineLevel(ApiClient admin) {
        var defined = admin.post("/api/contacts/custom-fields", Map.of("entity", "COMPANY", "key", "level",
                "label", "Partner level", "type", "SELECT", "options", List.of("Gold", "Silver")));
        assertThat(defined.status()).as(defined.body()).isEqualTo(201);
    }

    private static List<String> suggested(JsonNode upload) {
        return upload.get("columns").findValues("suggestedField").stream()
                .map(field -> field.isNull() ? null : field.asString()).toList();
    }

    private static List<String> strings(JsonNode array) {
        return array.valueStream().map(JsonNode::asString).toList();
    }

    /** The id of the only company the search finds. */
    private static String find(ApiClient api, String q) {
        JsonNode items = api.get("/api/companies?q=" + java.net.URLEncoder.encode(q, StandardCharsets.UTF_8)).json()
                .get("items");
        assertThat(items.size()).as(q).isEqualTo(1);
        return items.at("/0/id").asString();
    }

    static String create(ApiClient api, Map<String, Object> card) {
        var created = api.post("/api/companies", card);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    static Map<String, Object> point(String kind, String value) {
        return Map.of("kind", kind, "value", value);
    }
}
