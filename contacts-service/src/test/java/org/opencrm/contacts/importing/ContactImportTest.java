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

/** Importing contacts from CSV (`002_*` "Import Excel"): mapping, duplicates, the report, history and events. */
@CrmIntegrationTest
class ContactImportTest {

    private static TopicProbe contactEvents;

    @LocalServerPort
    int port;

    @BeforeAll
    static void watchTopic() {
        contactEvents = TopicProbe.on(Topics.CONTACTS_CONTACT);
    }

    @AfterAll
    static void stopWatching() {
        contactEvents.close();
    }

    @Test
    void aUkrainianCsvIsMappedByItsHeadersAndImportedWithHistoryAndEvents() {
        var company = new ImportClient(port);
        UUID manager = UUID.randomUUID();
        String token = company.token(manager, "MANAGER");
        ApiClient api = company.as(manager, "MANAGER");
        String csv = "\uFEFFПрізвище;Ім'я;По батькові;Телефон;E-mail;Посада;Статус;Теги;Дата народження;VIP;Примітки;Колонка\n"
                + "Шевченко;Тарас;Григорович;067 111 22 33;Taras@Example.com;Поет;Активний;поети, класики;09.03.1814;так;Кобзар;x\n"
                + "Українка;Леся;;\"+380 50 222 33 44, 044 123 45 67\";;;;;;ні;;y\n";

        var uploaded = company.uploadCsv(token, csv);

        assertThat(uploaded.status()).as(uploaded.body()).isEqualTo(201);
        JsonNode upload = uploaded.json();
        assertThat(upload.get("format").asString()).isEqualTo("CSV");
        assertThat(upload.get("status").asString()).isEqualTo("UPLOADED");
        assertThat(upload.get("totalRows").asInt()).isEqualTo(2);
        assertThat(upload.get("columns").findValuesAsString("name")).startsWith("Прізвище", "Ім'я");
        assertThat(upload.get("columns").findValues("suggestedField").stream().map(field -> field.isNull() ? null
                : field.asString()).toList()).containsExactly("lastName", "firstName", "middleName", "phone", "email",
                "position", "status", "tags", "birthDate", "vip", "notes", null);
        assertThat(upload.at("/preview/0/0").asString()).isEqualTo("Шевченко");
        assertThat(upload.at("/preview/1/3").asString()).isEqualTo("+380 50 222 33 44, 044 123 45 67");

        var started = company.startSuggested(api, upload, "SKIP");
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        JsonNode done = company.awaitStatus(api, upload.get("id").asString(), "COMPLETED");

        assertThat(done.at("/counts/created").asInt()).isEqualTo(2);
        assertThat(done.at("/counts/rejected").asInt()).isZero();
        assertThat(done.get("rowsRead").asInt()).isEqualTo(2);
        String tarasId = api.get("/api/contacts?q=Шевченко").json().at("/items/0/id").asString();
        JsonNode taras = api.get("/api/contacts/" + tarasId).json();
        assertThat(taras.get("lastName").asString()).isEqualTo("Шевченко");
        assertThat(taras.get("middleName").asString()).isEqualTo("Григорович");
        assertThat(taras.get("email").asString()).isEqualTo("taras@example.com");
        assertThat(taras.get("phone").asString()).isEqualTo("+380 67 111 2233");
        assertThat(taras.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(taras.get("tags").valueStream().map(JsonNode::asString).toList()).containsExactly("поети", "класики");
        assertThat(taras.get("birthDate").asString()).isEqualTo("1814-03-09");
        assertThat(taras.get("vip").asBoolean()).isTrue();
        assertThat(taras.get("notes").asString()).isEqualTo("Кобзар");
        assertThat(taras.get("ownerId").asString()).isEqualTo(manager.toString());
        assertThat(taras.get("version").asLong()).isZero();
        String lesyaId = api.get("/api/contacts?q=Українка").json().at("/items/0/id").asString();
        JsonNode lesya = api.get("/api/contacts/" + lesyaId).json();
        assertThat(lesya.get("points").findValuesAsString("value")).containsExactly("+380 50 222 3344", "+380 44 123 4567");
        assertThat(lesya.get("phone").asString()).isEqualTo("+380 50 222 3344");
        assertThat(lesya.get("vip").asBoolean()).isFalse();
        assertThat(lesya.get("status").asString()).isEqualTo("LEAD");

        JsonNode history = api.get("/api/contacts/" + tarasId + "/history").json();
        assertThat(history.findValuesAsString("action")).containsExactly("CREATED");
        assertThat(history.at("/0/actorId").asString()).isEqualTo(manager.toString());
        assertThat(history.at("/0/fields").findValuesAsString("field")).contains("lastName", "firstName", "points", "tags");

        var event = contactEvents.awaitRecord(record -> record.key().equals(tarasId)
                && "contact.created".equals(TopicProbe.header(record, EventHeaders.TYPE)));
        JsonNode data = ImportClient.json(new String(event.value(), StandardCharsets.UTF_8));
        assertThat(data.get("firstName").asString()).isEqualTo("Тарас");
        assertThat(data.get("phones").valueStream().map(JsonNode::asString).toList()).containsExactly("+380671112233");
        assertThat(data.get("emails").valueStream().map(JsonNode::asString).toList()).containsExactly("taras@example.com");
        assertThat(TopicProbe.header(event, EventHeaders.ACTOR_ID)).isEqualTo(manager.toString());
        contactEvents.awaitRecord(record -> record.key().equals(lesyaId)
                && "contact.created".equals(TopicProbe.header(record, EventHeaders.TYPE)));
        JsonNode announced = company.awaitStatus(api, upload.get("id").asString(), "COMPLETED");
        assertThat(announced.get("announced").asInt()).isEqualTo(2);

        // the user who started it is told (notifications-service), once
        var finished = contactEvents.awaitRecord(record -> record.key().equals(upload.get("id").asString())
                && "import.finished".equals(TopicProbe.header(record, EventHeaders.TYPE)));
        JsonNode told = ImportClient.json(new String(finished.value(), StandardCharsets.UTF_8));
        assertThat(told.get("status").asString()).isEqualTo("COMPLETED");
        assertThat(told.get("entity").asString()).isEqualTo("CONTACT");
        assertThat(told.get("requestedBy").asString()).isEqualTo(manager.toString());
        assertThat(told.get("created").asLong()).isEqualTo(2);
        assertThat(TopicProbe.header(finished, EventHeaders.TENANT_ID)).isEqualTo(company.tenant.toString());
    }

    @Test
    void skippedDuplicatesAreThoseOfTheCompanyAndThoseOfEarlierRows() {
        var company = new ImportClient(port);
        UUID manager = UUID.randomUUID();
        ApiClient api = company.as(manager, "MANAGER");
        create(api, Map.of("firstName", "Existing", "points", List.of(point("PHONE", "067 000 00 01"))));
        String csv = """
                Last name,First name,Phone,Email
                Existing,Again,+380670000001,
                New,Person,,new@example.com
                Same,Again,,NEW@example.com
                Third,One,0501234567,
                """;

        JsonNode done = company.importCsv(api, company.token(manager, "MANAGER"), csv, "SKIP");

        assertThat(done.get("counts").toString()).isEqualTo("{\"created\":2,\"updated\":0,\"skipped\":2,\"rejected\":0}");
        assertThat(company.contacts()).isEqualTo(3);
        assertThat(api.get("/api/contacts?q=Same").json().get("items").size()).isZero();
    }

    @Test
    void updatingDuplicatesBringsTheRowsValuesIntoTheContactsInTheOrderOfTheFile() {
        var company = new ImportClient(port);
        UUID manager = UUID.randomUUID();
        UUID colleague = UUID.randomUUID();
        ApiClient api = company.as(manager, "MANAGER");
        String olena = create(api, Map.of("firstName", "Olena", "lastName", "Kovalenko", "position", "Buyer",
                "tags", List.of("kyiv"), "points", List.of(point("PHONE", "067 000 00 02"))));
        create(company.as(colleague, "MANAGER"), Map.of("firstName", "Theirs",
                "points", List.of(point("PHONE", "067 000 00 03"))));
        String csv = """
                Last name,First name,Phone,Email,Position,Tags
                ,Olena,+380670000002,olena@example.com,Head buyer,wholesale
                Nova,Iryna,0501110000,,,
                Nova,Iryna,+380501110000,iryna@example.com,,vip
                Someone,Else,0670000003,,,
                Kovalenko,Olena,0670000002,,Head buyer,kyiv
                """;

        JsonNode done = company.importCsv(api, company.token(manager, "MANAGER"), csv, "UPDATE");

        assertThat(done.get("counts").toString()).isEqualTo("{\"created\":1,\"updated\":2,\"skipped\":1,\"rejected\":1}");
        JsonNode updated = api.get("/api/contacts/" + olena).json();
        assertThat(updated.get("lastName").asString()).isEqualTo("Kovalenko");
        assertThat(updated.get("position").asString()).isEqualTo("Head buyer");
        assertThat(updated.get("tags").valueStream().map(JsonNode::asString).toList()).containsExactly("kyiv", "wholesale");
        assertThat(updated.get("points").findValuesAsString("value")).containsExactly("+380 67 000 0002", "olena@example.com");
        assertThat(updated.get("email").asString()).isEqualTo("olena@example.com");
        assertThat(updated.get("version").asLong()).isEqualTo(1);
        JsonNode history = api.get("/api/contacts/" + olena + "/history").json();
        assertThat(history.findValuesAsString("action")).containsExactly("UPDATED", "CREATED");
        assertThat(history.at("/0/fields").findValuesAsString("field")).containsExactlyInAnyOrder("position", "tags", "points");
        assertThat(history.at("/0/actorId").asString()).isEqualTo(manager.toString());
        String iryna = api.get("/api/contacts?q=Nova").json().at("/items/0/id").asString();
        JsonNode merged = api.get("/api/contacts/" + iryna).json();
        assertThat(merged.get("points").findValuesAsString("value")).containsExactly("+380 50 111 0000", "iryna@example.com");
        assertThat(merged.get("tags").valueStream().map(JsonNode::asString).toList()).containsExactly("vip");
        assertThat(merged.get("version").asLong()).isZero();
        assertThat(api.get("/api/contacts/" + iryna + "/history").json().findValuesAsString("action"))
                .containsExactly("CREATED");
        assertThat(company.contacts()).isEqualTo(3);

        var event = contactEvents.awaitRecord(record -> record.key().equals(olena)
                && "contact.updated".equals(TopicProbe.header(record, EventHeaders.TYPE)));
        JsonNode data = ImportClient.json(new String(event.value(), StandardCharsets.UTF_8));
        assertThat(data.get("version").asLong()).isEqualTo(1);
        assertThat(data.get("emails").valueStream().map(JsonNode::asString).toList()).containsExactly("olena@example.com");
        contactEvents.awaitRecord(record -> record.key().equals(iryna)
                && "contact.created".equals(TopicProbe.header(record, EventHeaders.TYPE)));

        String report = new String(api.getBytes("/api/contacts/imports/" + done.get("id").asString() + "/rejected").body(),
                StandardCharsets.UTF_8);
        assertThat(report).contains("5,A phone or e-mail of this row belongs to a colleague's contact that you may not change,"
                + "Someone,Else,0670000003");
    }

    @Test
    void creatingDuplicatesAddsContactsEvenWithPhonesTheCompanyHas() {
        var company = new ImportClient(port);
        UUID manager = UUID.randomUUID();
        ApiClient api = company.as(manager, "MANAGER");
        create(api, Map.of("firstName", "First", "points", List.of(point("PHONE", "067 000 00 04"))));

        JsonNode done = company.importCsv(api, company.token(manager, "MANAGER"), """
                Name,Phone
                Second Copy,0670000004
                Third Copy,0670000004
                """, "CREATE");

        assertThat(done.get("counts").toString()).isEqualTo("{\"created\":2,\"updated\":0,\"skipped\":0,\"rejected\":0}");
        assertThat(company.contacts()).isEqualTo(3);
        assertThat(api.get("/api/contacts?q=Copy").json().get("items").findValuesAsString("displayName"))
                .containsExactlyInAnyOrder("Copy Second", "Copy Third");
    }

    @Test
    void refusedRowsAreReportedWithTheirRowNumberReasonsAndOriginalValues() {
        var company = new ImportClient(port);
        UUID manager = UUID.randomUUID();
        ApiClient api = company.as(manager, "MANAGER");
        String csv = """
                Прізвище,Ім'я,Телефон,Дата народження,Статус

                Бондар,Ігор,12,,
                ,,0671234567,,
                Ткачук,Анна,0672223344,31.02.1990,
                Мельник,Олег,0673334455,,закритий
                Коваль,Петро,0674445566,1990-02-28,лід
                """;

        JsonNode done = company.importCsv(api, company.token(manager, "MANAGER"), csv, "SKIP");

        assertThat(done.get("counts").toString()).isEqualTo("{\"created\":1,\"updated\":0,\"skipped\":0,\"rejected\":4}");
        var report = api.getBytes("/api/contacts/imports/" + done.get("id").asString() + "/rejected");
        assertThat(report.statusCode()).isEqualTo(200);
        assertThat(report.headers().firstValue("Content-Disposition").orElseThrow()).contains("clients-rejected.csv");
        String text = new String(report.body(), StandardCharsets.UTF_8);
        assertThat(text.lines().toList()).containsExactly(
                "\uFEFFRow,Reasons,Прізвище,Ім'я,Телефон,Дата народження,Статус",
                "3,\"Телефон: \"\"12\"\" is not a valid phone number\",Бондар,Ігор,12,,",
                "4,Ім'я: must not be blank,,,0671234567,,",
                "5,\"Дата народження: \"\"31.02.1990\"\" is not a date (YYYY-MM-DD or DD.MM.YYYY)\",Ткачук,Анна,0672223344,31.02.1990,",
                "6,\"Статус: \"\"закритий\"\" is not a status (LEAD, ACTIVE or FORMER)\",Мельник,Олег,0673334455,,закритий");
        assertThat(company.contacts()).isEqualTo(1);
    }

    @Test
    void aCustomFieldIsSuggestedByItsLabelAndItsValuesAreCheckedAsTheApiChecksThem() {
        var company = new ImportClient(port);
        UUID admin = UUID.randomUUID();
        ApiClient api = company.as(admin, "ADMIN");
        var defined = api.post("/api/contacts/custom-fields", Map.of("entity", "CONTACT", "key", "loyalty",
                "label", "Рівень лояльності", "type", "SELECT", "options", List.of("Gold", "Silver")));
        assertThat(defined.status()).as(defined.body()).isEqualTo(201);
        var uploaded = company.uploadCsv(company.token(admin, "ADMIN"), """
                ПІБ,Рівень лояльності
                Іваненко Марія Петрівна,Gold
                Петренко Олег,Bronze
                """);
        assertThat(uploaded.json().get("columns").findValuesAsString("suggestedField"))
                .containsExactly("fullName", "customFields.loyalty");

        company.startSuggested(api, uploaded.json(), "SKIP");
        JsonNode done = company.awaitStatus(api, uploaded.json().get("id").asString(), "COMPLETED");

        assertThat(done.at("/counts/created").asInt()).isEqualTo(1);
        assertThat(done.at("/counts/rejected").asInt()).isEqualTo(1);
        JsonNode maria = api.get("/api/contacts/" + api.get("/api/contacts?q=Іваненко").json().at("/items/0/id").asString())
                .json();
        assertThat(maria.get("lastName").asString()).isEqualTo("Іваненко");
        assertThat(maria.get("firstName").asString()).isEqualTo("Марія");
        assertThat(maria.get("middleName").asString()).isEqualTo("Петрівна");
        assertThat(maria.at("/customFields/loyalty").asString()).isEqualTo("Gold");
        String report = new String(api.getBytes("/api/contacts/imports/" + done.get("id").asString() + "/rejected").body(),
                StandardCharsets.UTF_8);
        assertThat(report).contains("Рівень лояльності: must be one of Gold, Silver");
    }

    static String create(ApiClient api, Map<String, Object> card) {
        var created = api.post("/api/contacts?confirmDuplicate=true", card);
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return created.json().get("id").asString();
    }

    static Map<String, Object> point(String kind, String value) {
        return Map.of("kind", kind, "value", value);
    }
}
