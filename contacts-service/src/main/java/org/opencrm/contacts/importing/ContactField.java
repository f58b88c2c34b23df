package org.opencrm.contacts.importing;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opencrm.contacts.point.SearchText;

/**
 * A field of the contact card that a column of an imported file can fill, with its name in the API (the
 * names of {@code ContactState}), its label in English, Ukrainian and Russian, and the other headers
 * spreadsheets of Ukrainian and Russian businesses use for it. Exports use the same labels, so an exported
 * file maps itself when imported again.
 */
public enum ContactField implements CardField {

    LAST_NAME("lastName", "Last name", "Прізвище", "Фамилия", "surname", "family name"),
    FIRST_NAME("firstName", "First name", "Ім'я", "Имя", "given name", "назва", "название"),
    MIDDLE_NAME("middleName", "Middle name", "По батькові", "Отчество", "patronymic", "additional name",
            "по-батькові"),
    /** "Last First Middle", the order Ukrainian and Russian business lists write a person's full name in. */
    FULL_NAME("fullName", "Full name (last first middle)", "ПІБ", "ФИО", "прізвище ім'я по батькові",
            "фамилия имя отчество", "фіо", "п.і.б.", "ф.и.о.", "клієнт", "клиент", "контакт", "контактна особа",
            "контактное лицо", "покупець", "покупатель"),
    /** "First Middle Last", as English lists write it. */
    FULL_NAME_FIRST_LAST("fullNameFirstLast", "Full name (first last)", "Ім'я та прізвище", "Имя и фамилия",
            "full name", "name", "contact name", "customer", "client"),
    PHONE("phone", "Phones", "Телефони", "Телефоны", "phone", "phone number", "telephone", "tel", "mobile",
            "mobile phone", "cell", "телефон", "тел", "мобільний", "мобильный", "мобільний телефон",
            "мобильный телефон", "моб. телефон", "моб. тел.", "моб", "номер телефону", "номер телефона", "номер"),
    EMAIL("email", "E-mails", "Електронні адреси", "Электронные адреса", "e-mail", "email address",
            "e-mail address", "mail", "emails", "пошта", "ел. пошта", "ел пошта", "електронна пошта",
            "електронна адреса", "почта", "эл. почта", "электронная почта", "электронный адрес", "емейл", "имейл",
            "мейл"),
    ADDRESS("address", "Address", "Адреса", "Адрес", "адреса доставки", "адрес доставки", "delivery address"),
    WEBSITE("website", "Website", "Сайт", "Сайт", "web site", "web", "url", "site", "вебсайт", "веб-сайт"),
    POSITION("position", "Position", "Посада", "Должность", "job title", "title", "role"),
    STATUS("status", "Status", "Статус", "Статус", "стан", "состояние"),
    SOURCE("source", "Source", "Джерело", "Источник", "lead source", "channel", "канал", "звідки", "откуда"),
    TAGS("tags", "Tags", "Теги", "Теги", "tag", "labels", "тег", "мітки", "метки", "мітка", "метка"),
    NOTES("notes", "Notes", "Нотатки", "Заметки", "note", "comment", "comments", "description", "примітки",
            "примітка", "коментар", "коментарі", "опис", "примечание", "примечания", "комментарий",
            "комментарии", "описание"),
    BIRTH_DATE("birthDate", "Birth date", "Дата народження", "Дата рождения", "birthday", "date of birth", "dob",
            "день народження", "день рождения", "народився", "родился"),
    VIP("vip", "VIP", "VIP", "VIP", "віп", "вип", "vip-клієнт", "vip клієнт", "vip-клиент", "vip клиент");

    /** The prefix of a custom field's target: {@code customFields.<key>}, as the API names its errors. */
    public static final String CUSTOM_PREFIX = "customFields.";

    private static final Pattern NOT_A_LETTER = Pattern.compile("[^\\p{L}\\p{N}]+");
    private static final Pattern TRAILING_NUMBER = Pattern.compile("\\d+$");

    private final String field;
    private final String english;
    private final String ukrainian;
    private final String russian;
    private final List<String> aliases;

    ContactField(String field, String english, String ukrainian, String russian, String... aliases) {
        this.field = field;
        this.english = english;
        this.ukrainian = ukrainian;
        this.russian = russian;
        this.aliases = List.of(aliases);
    }

    /** The name a mapping and an error use for it. */
    @Override
    public String field() {
        return field;
    }

    /** The column header for a reader of this language (en, uk or ru; English otherwise). */
    @Override
    public String label(Locale locale) {
        return switch (locale.getLanguage()) {
            case "uk" -> ukrainian;
            case "ru" -> russian;
            default -> english;
        };
    }

    /** Whether a column of this field may hold several values (phones, e-mails, websites: one point each). */
    @Override
    public boolean repeatable() {
        return this == PHONE || this == EMAIL || this == ADDRESS || this == WEBSITE;
    }

    boolean names() {
        return this == FIRST_NAME || this == FULL_NAME || this == FULL_NAME_FIRST_LAST;
    }

    /**
     * The headers this field is recognised by, normalised by {@link #headerKey}: its labels and aliases. Its API
     * name is recognised too, but after every label ("fullName" must not take "Full name" from fullNameFirstLast).
     */
    @Override
    public List<String> headers() {
        var all = new java.util.ArrayList<String>();
        all.add(headerKey(english));
        all.add(headerKey(ukrainian));
        all.add(headerKey(russian));
        aliases.forEach(alias -> all.add(headerKey(alias)));
        return all;
    }

    public static Optional<ContactField> byField(String field) {
        for (ContactField candidate : values()) {
            if (candidate.field.equals(field)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * A header as headers are compared: lower case, without accents, apostrophes, punctuation, spaces and a
     * trailing number, so "E-mail", "email", "Ім’я", "Телефон 2" and "ТЕЛЕФОН" meet their field.
     */
    static String headerKey(String header) {
        String letters = NOT_A_LETTER.matcher(SearchText.of(header)).replaceAll("");
        String withoutNumber = TRAILING_NUMBER.matcher(letters).replaceAll("");
        return (withoutNumber.isEmpty() ? letters : withoutNumber).toLowerCase(Locale.ROOT);
    }
}
