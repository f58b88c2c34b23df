package org.opencrm.contacts.exporting;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opencrm.contacts.contact.ContactPage;
import org.opencrm.contacts.contact.ContactQuery;
import org.opencrm.contacts.contact.ContactSearch;
import org.opencrm.contacts.contact.ContactSummary;
import org.opencrm.contacts.customfield.CardType;
import org.opencrm.contacts.customfield.CustomFields;
import org.opencrm.contacts.importing.ContactField;
import org.opencrm.contacts.point.PointKind;
import org.opencrm.platform.starter.directory.Directory;
import org.opencrm.platform.starter.directory.Visibility;
import org.opencrm.platform.starter.export.ExportFormat;
import org.opencrm.platform.starter.export.ExportSheet;
import org.opencrm.platform.starter.security.TenantContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Writes the contact list a user sees, with the list's own search, filters and sort ({@link ContactSearch}),
 * as CSV or XLSX. It pages through the list with its keyset cursor, each page in a transaction of its own, so
 * memory stays flat and no database connection waits on a slow download. The columns carry the whole card
 * under the headers the import recognises, so an exported file imports again as it is.
 */
@Service
class ContactExport {

    private static final int PAGE = 200;
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() { };
    private static final List<ContactField> FIELDS = List.of(ContactField.LAST_NAME, ContactField.FIRST_NAME,
            ContactField.MIDDLE_NAME, ContactField.PHONE, ContactField.EMAIL, ContactField.ADDRESS, ContactField.WEBSITE,
            ContactField.POSITION, ContactField.STATUS, ContactField.SOURCE, ContactField.TAGS, ContactField.VIP,
            ContactField.BIRTH_DATE, ContactField.NOTES);

    /** An export: the list's query (its first page already read, so that a bad filter is a 400, not a broken file). */
    record Request(ContactQuery query, ContactPage first, Visibility visibility, Locale locale, ExportFormat format) {
    }

    private final ContactSearch search;
    private final CustomFields customFields;
    private final Directory directory;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    ContactExport(ContactSearch search, CustomFields customFields, Directory directory, JdbcTemplate jdbc,
            JsonMapper json) {
        this.search = search;
        this.customFields = customFields;
        this.directory = directory;
        this.jdbc = jdbc;
        this.json = json;
    }

    /** The first page of the list, read where errors still answer the request. */
    ContactPage firstPage(ContactQuery query, Visibility visibility) {
        return search.page(page(query, null), visibility);
    }

    void write(Request request, OutputStream out) throws IOException {
        UUID tenant = request.visibility().user().tenantId();
        // the export runs on a thread of its own: the tenant is set here rather than taken from the request
        TenantContext.runAs(tenant, () -> {
            try {
                write(request, tenant, out);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private void write(Request request, UUID tenant, OutputStream out) throws IOException {
        Locale locale = request.locale();
        List<CustomFields.Definition> custom = customFields.of(CardType.CONTACT);
        Map<UUID, String> owners = new HashMap<>();
        try (ExportSheet sheet = ExportSheet.open(request.format(), out, sheetName(locale))) {
            List<String> header = new ArrayList<>();
            FIELDS.forEach(field -> header.add(field.label(locale)));
            custom.forEach(definition -> header.add(definition.label()));
            header.addAll(List.of(word(locale, "Kind", "Тип", "Тип"), word(locale, "Owner", "Відповідальний", "Ответственный"),
                    word(locale, "Created", "Створено", "Создан"), word(locale, "Updated", "Змінено", "Изменён")));
            sheet.row(header);
            ContactPage page = request.first();
            while (true) {
                for (List<Object> row : rows(page.items(), tenant, custom, owners)) {
                    sheet.row(row);
                }
                if (page.nextCursor() == null) {
                    break;
                }
                page = search.page(page(request.query(), page.nextCursor()), request.visibility());
            }
        }
    }

    private List<List<Object>> rows(List<ContactSummary> contacts, UUID tenant, List<CustomFields.Definition> custom,
            Map<UUID, String> owners) {
        if (contacts.isEmpty()) {
            return List.of();
        }
        UUID[] ids = contacts.stream().map(ContactSummary::id).toArray(UUID[]::new);
        Map<UUID, Map<String, List<String>>> points = Cells.points(jdbc, "contact_point", "contact_id", tenant, ids);
        Map<UUID, Object[]> cards = new HashMap<>();
        jdbc.query("""
                select id, last_name, first_name, middle_name, position, birth_date, notes, custom_fields::text
                from contact where tenant_id = ? and id = any(?)""", row -> {
            cards.put(row.getObject(1, UUID.class), new Object[] {row.getString(2), row.getString(3), row.getString(4),
                    row.getString(5), row.getObject(6, LocalDate.class), row.getString(7),
                    json.readValue(row.getString(8), JSON_OBJECT)});
        }, tenant, ids);
        List<List<Object>> rows = new ArrayList<>();
        for (ContactSummary contact : contacts) {
            Object[] card = cards.get(contact.id());
            if (card == null) {
                continue; // deleted between the page and this read
            }
            Map<String, List<String>> own = points.getOrDefault(contact.id(), Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) card[6];
            List<Object> row = new ArrayList<>(List.of(Cells.nullable(card[0]), Cells.nullable(card[1]),
                    Cells.nullable(card[2]), Cells.joined(own.get(PointKind.PHONE.name())),
                    Cells.joined(own.get(PointKind.EMAIL.name())), Cells.joined(own.get(PointKind.ADDRESS.name())),
                    Cells.joined(own.get(PointKind.WEBSITE.name())), Cells.nullable(card[3]), contact.status().name(),
                    Cells.nullable(contact.source()), Cells.joined(contact.tags()), contact.vip(),
                    Cells.nullable(card[4]), Cells.nullable(card[5])));
            for (CustomFields.Definition definition : custom) {
                row.add(Cells.customValue(values.get(definition.key())));
            }
            row.add(contact.kind().name());
            row.add(contact.ownerId() == null ? ""
                    : owners.computeIfAbsent(contact.ownerId(), id -> Cells.ownerName(directory, id)));
            row.add(contact.createdAt());
            row.add(contact.updatedAt());
            rows.add(row);
        }
        return rows;
    }

    private static ContactQuery page(ContactQuery q, String cursor) {
        return new ContactQuery(q.q(), q.owner(), q.unassigned(), q.tags(), q.status(), q.vip(), q.source(), q.kind(),
                q.createdFrom(), q.createdTo(), q.updatedFrom(), q.updatedTo(), q.sort(), cursor, PAGE, q.customFields());
    }

    private static String sheetName(Locale locale) {
        return word(locale, "Contacts", "Контакти", "Контакты");
    }

    static String word(Locale locale, String english, String ukrainian, String russian) {
        return switch (locale.getLanguage()) {
            case "uk" -> ukrainian;
            case "ru" -> russian;
            default -> english;
        };
    }
}
