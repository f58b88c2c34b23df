package org.opencrm.contacts.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.contacts.customfield.CardType;
import org.opencrm.contacts.customfield.CustomFields;
import org.opencrm.contacts.customfield.FieldType;
import org.opencrm.platform.starter.web.InvalidFieldsException;

/** The rules that need no database: suggested mappings, cell values, the CSV separator. */
class ColumnMappingTest {

    private static List<String> suggested(String... headers) {
        return suggested(CardType.CONTACT, headers);
    }

    private static List<String> suggested(CardType card, String... headers) {
        return ColumnMapping.suggest(card, List.of(headers), List.of()).stream()
                .map(ImportRequests.Column::suggestedField).toList();
    }

    @Test
    void headersInUkrainianRussianAndEnglishSuggestTheirFields() {
        assertThat(suggested("Прізвище", "Ім’я", "По-батькові", "Моб. телефон", "Ел. пошта", "Посада", "Джерело"))
                .containsExactly("lastName", "firstName", "middleName", "phone", "email", "position", "source");
        assertThat(suggested("Фамилия", "Имя", "Отчество", "Телефон", "Телефон 2", "Эл. почта", "Дата рождения"))
                .containsExactly("lastName", "firstName", "middleName", "phone", "phone", "email", "birthDate");
        assertThat(suggested("Last name", "FIRST NAME", "E-mail", "Phone number", "Tags", "Notes", "VIP", "Status"))
                .containsExactly("lastName", "firstName", "email", "phone", "tags", "notes", "vip", "status");
        assertThat(suggested("ПІБ", "ФИО", "Full name")).containsExactly("fullName", null, "fullNameFirstLast");
        assertThat(suggested("Посада", "Должность")).containsExactly("position", null);
    }

    @Test
    void aCustomFieldIsSuggestedByItsKeyOrLabelBeforeTheCardsFields() {
        var custom = List.of(new CustomFields.Definition(UUID.randomUUID(), CardType.CONTACT, "source2", "Звідки дізнались",
                FieldType.TEXT, List.of()), new CustomFields.Definition(UUID.randomUUID(), CardType.CONTACT, "status",
                "Loyalty", FieldType.TEXT, List.of()));

        assertThat(ColumnMapping.suggest(CardType.CONTACT, List.of("Звідки дізнались", "Status", "source2"), custom).stream()
                .map(ImportRequests.Column::suggestedField).toList())
                .containsExactly("customFields.source2", "customFields.status", null);
    }

    @Test
    void aMappingWithoutANameOrWithUnknownFieldsIsRefusedWithEachEntryNamed() {
        var columns = List.of("A", "B");

        assertThatThrownBy(() -> ColumnMapping.check(CardType.CONTACT, List.of(new ImportRequests.MappedColumn(0, "phone")),
                columns, List.of()))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.errors())
                        .extracting(error -> error.field()).containsExactly("mapping"));
        assertThatThrownBy(() -> ColumnMapping.check(CardType.CONTACT, List.of(new ImportRequests.MappedColumn(0, "firstName"),
                new ImportRequests.MappedColumn(1, "shoeSize"), new ImportRequests.MappedColumn(5, "phone")), columns,
                List.of()))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.errors())
                        .extracting(error -> error.field()).containsExactly("mapping[1].field", "mapping[2].column"));
    }

    @Test
    void companyHeadersInUkrainianRussianAndEnglishSuggestTheCompanysFields() {
        assertThat(suggested(CardType.COMPANY, "Назва", "ЄДРПОУ", "Галузь", "Телефон", "Ел. пошта", "Юридична адреса",
                "Сайт", "Мітки", "Примітки", "Відповідальний"))
                .containsExactly("name", "taxId", "industry", "phone", "email", "address", "website", "tags", "notes",
                        "owner");
        assertThat(suggested(CardType.COMPANY, "Название", "ИНН", "Отрасль", "Телефон", "Телефон 2", "Email"))
                .containsExactly("name", "taxId", "industry", "phone", "phone", "email");
        assertThat(suggested(CardType.COMPANY, "Company name", "Tax ID", "Industry", "VAT number", "Owner", "Full name"))
                .containsExactly("name", "taxId", "industry", null, "owner", null);
        assertThat(suggested(CardType.COMPANY, "Name", "Tax number", "Industry", "Phone", "E-mail", "Address", "Website",
                "Tags", "Notes", "Owner", "Contact persons", "Updated"))
                .containsExactly("name", "taxId", "industry", "phone", "email", "address", "website", "tags", "notes",
                        "owner", null, null);
        assertThat(suggested(CardType.CONTACT, "Назва")).containsExactly("firstName");
    }

    @Test
    void aCompanyMappingNeedsTheNameAndOnlyTheCompanysFields() {
        var columns = List.of("A", "B");

        assertThatThrownBy(() -> ColumnMapping.check(CardType.COMPANY, List.of(new ImportRequests.MappedColumn(0, "taxId")),
                columns, List.of()))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.errors())
                        .extracting(error -> error.message()).containsExactly("map a column to name: every company needs a name"));
        assertThatThrownBy(() -> ColumnMapping.check(CardType.COMPANY, List.of(new ImportRequests.MappedColumn(0, "name"),
                new ImportRequests.MappedColumn(1, "firstName")), columns, List.of()))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.errors())
                        .extracting(error -> error.field() + " " + error.message())
                        .containsExactly("mapping[1].field is not a field of the company card"));
        assertThat(ColumnMapping.check(CardType.COMPANY, List.of(new ImportRequests.MappedColumn(0, "name"),
                new ImportRequests.MappedColumn(1, "taxId")), columns, List.of()))
                .extracting(target -> target.field()).containsExactly(CompanyField.NAME, CompanyField.TAX_ID);
    }

    @Test
    void cellsBecomeDatesYesNoAndStatusesAsSpreadsheetsWriteThem() {
        assertThat(CellValues.date("09.03.1814")).contains(LocalDate.of(1814, 3, 9));
        assertThat(CellValues.date("1990-04-12")).contains(LocalDate.of(1990, 4, 12));
        assertThat(CellValues.date("1990-04-12T00:00")).contains(LocalDate.of(1990, 4, 12));
        assertThat(CellValues.date("31.02.1990")).isEmpty();
        assertThat(CellValues.yesNo("Так")).contains(true);
        assertThat(CellValues.yesNo("нет")).contains(false);
        assertThat(CellValues.yesNo("maybe")).isEmpty();
        assertThat(CellValues.list("067 111 22 33; 050 444 55 66,\n044 1")).containsExactly("067 111 22 33",
                "050 444 55 66", "044 1");
    }

    @Test
    void theCsvSeparatorIsTheOneTheHeaderLineUsesOutsideQuotes() throws Exception {
        assertThat(CsvRows.delimiter(stream("a;b;\"c,d,e\"\n1,2,3,4"))).isEqualTo(';');
        assertThat(CsvRows.delimiter(stream("a,b,c\n"))).isEqualTo(',');
        assertThat(CsvRows.delimiter(stream("a\tb\tc"))).isEqualTo('\t');
        assertThat(CsvRows.delimiter(stream("name"))).isEqualTo(',');
        assertThat(XlsxRows.column("AB12")).isEqualTo(27);
    }

    private static ByteArrayInputStream stream(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }
}
