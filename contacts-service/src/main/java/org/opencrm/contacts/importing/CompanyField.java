package org.opencrm.contacts.importing;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A field of the company card that a column of an imported file can fill, with its name in the API (the
 * names of {@code CompanyState}; {@code owner} takes a user's id or name), its labels in English, Ukrainian
 * and Russian, and the other headers spreadsheets use for it. The labels are the headers of the company
 * export ({@code GET /api/companies/export}), so an exported file maps itself when imported again.
 */
public enum CompanyField implements CardField {

    NAME("name", "Name", "Назва", "Название", "company", "company name", "organisation", "organization",
            "компанія", "компания", "назва компанії", "название компании", "організація", "организация",
            "найменування", "наименование", "повна назва", "повне найменування", "полное наименование",
            "контрагент", "клієнт", "клиент", "client", "customer", "юридична особа", "юридическое лицо"),
    /** An EDRPOU code or another country's tax number, as {@code TaxIds} checks it. */
    TAX_ID("taxId", "Tax number", "Податковий номер", "Налоговый номер", "tax id", "tax number", "tin", "vat",
            "vat id", "vat number", "edrpou", "єдрпоу", "код єдрпоу", "едрпоу", "егрпоу", "код егрпоу", "ідентифікаційний код",
            "идентификационный код", "податковий код", "іпн", "інн", "ипн", "инн", "рнокпп", "унп", "бин"),
    INDUSTRY("industry", "Industry", "Галузь", "Отрасль", "sector", "business", "сфера", "сфера діяльності",
            "сфера деятельности", "вид діяльності", "вид деятельности", "індустрія", "индустрия"),
    PHONE(ContactField.PHONE),
    EMAIL(ContactField.EMAIL),
    ADDRESS(ContactField.ADDRESS, "юридична адреса", "юридический адрес", "legal address", "фактична адреса",
            "фактический адрес", "office address", "адреса офісу", "адрес офиса"),
    WEBSITE(ContactField.WEBSITE),
    TAGS(ContactField.TAGS),
    NOTES(ContactField.NOTES),
    /** The responsible user: their id, or their name as the directory knows it ("Last First" or "First Last"). */
    OWNER("owner", "Owner", "Відповідальний", "Ответственный", "owner id", "responsible", "manager",
            "account manager", "менеджер", "відповідальна особа", "ответственное лицо", "відповідальний менеджер",
            "ответственный менеджер", "куратор");

    private final String field;
    private final String english;
    private final String ukrainian;
    private final String russian;
    private final List<String> headers;
    private final boolean repeatable;

    CompanyField(String field, String english, String ukrainian, String russian, String... aliases) {
        this.field = field;
        this.english = english;
        this.ukrainian = ukrainian;
        this.russian = russian;
        List<String> all = new ArrayList<>(List.of(ContactField.headerKey(english), ContactField.headerKey(ukrainian),
                ContactField.headerKey(russian)));
        for (String alias : aliases) {
            all.add(ContactField.headerKey(alias));
        }
        this.headers = List.copyOf(all);
        this.repeatable = false;
    }

    /** The field a contact card has too, with its name, labels and headers, and any headers of companies. */
    CompanyField(ContactField same, String... aliases) {
        this.field = same.field();
        this.english = same.label(Locale.ENGLISH);
        this.ukrainian = same.label(Locale.forLanguageTag("uk"));
        this.russian = same.label(Locale.forLanguageTag("ru"));
        List<String> all = new ArrayList<>(same.headers());
        for (String alias : aliases) {
            all.add(ContactField.headerKey(alias));
        }
        this.headers = List.copyOf(all);
        this.repeatable = same.repeatable();
    }

    @Override
    public String field() {
        return field;
    }

    @Override
    public String label(Locale locale) {
        return switch (locale.getLanguage()) {
            case "uk" -> ukrainian;
            case "ru" -> russian;
            default -> english;
        };
    }

    @Override
    public List<String> headers() {
        return headers;
    }

    @Override
    public boolean repeatable() {
        return repeatable;
    }

    public static Optional<CompanyField> byField(String field) {
        for (CompanyField candidate : values()) {
            if (candidate.field.equals(field)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }
}
