package org.opencrm.contacts.exporting;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opencrm.contacts.company.CompanySearch;
import org.opencrm.contacts.company.CompanySummary;
import org.opencrm.contacts.customfield.CardType;
import org.opencrm.contacts.customfield.CustomFields;
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

import static org.opencrm.contacts.exporting.ContactExport.word;

/**
 * Writes the company list a user sees, with the list's search, filters and sort ({@link CompanySearch}), as
 * CSV or XLSX; paged by the list's cursor like {@link ContactExport}, so memory stays flat.
 */
@Service
class CompanyExport {

    private static final int PAGE = 200;
    private static final TypeReference<Map<String, Object>> JSON_OBJECT = new TypeReference<>() { };

    /** The list's query, its first page already read (a bad filter is a 400, not a broken file). */
    record Request(Query query, CompanySearch.Page first, Visibility visibility, Locale locale, ExportFormat format) {
    }

    /** The company list's parameters. */
    record Query(String q, UUID owner, List<String> tags, Map<String, Object> customFields, String sort) {
    }

    private final CompanySearch search;
    private final CustomFields customFields;
    private final Directory directory;
    private final JdbcTemplate jdbc;
    private final JsonMapper json;

    CompanyExport(CompanySearch search, CustomFields customFields, Directory directory, JdbcTemplate jdbc,
            JsonMapper json) {
        this.search = search;
        this.customFields = customFields;
        this.directory = directory;
        this.jdbc = jdbc;
        this.json = json;
    }

    CompanySearch.Page firstPage(Query query, Visibility visibility) {
        return page(query, null, visibility);
    }

    void write(Request request, OutputStream out) {
        UUID tenant = request.visibility().user().tenantId();
        // the export runs on a thread of its own: the tenant is set here rather than taken from the request
        TenantContext.runAs(tenant, () -> {
            try {
                write(request, tenant, out);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private CompanySearch.Page page(Query query, String cursor, Visibility visibility) {
        return search.page(query.q(), query.owner(), query.tags(), query.customFields(), query.sort(), cursor, PAGE,
                visibility);
    }

    private void write(Request request, UUID tenant, OutputStream out) throws IOException {
        Locale l = request.locale();
        List<CustomFields.Definition> custom = customFields.of(CardType.COMPANY);
        Map<UUID, String> owners = new HashMap<>();
        try (ExportSheet sheet = ExportSheet.open(request.format(), out, word(l, "Companies", "Компанії", "Компании"))) {
            List<String> header = new ArrayList<>(List.of(word(l, "Name", "Назва", "Название"),
                    word(l, "Tax number", "Податковий номер", "Налоговый номер"), word(l, "Industry", "Галузь", "Отрасль"),
                    word(l, "Phone", "Телефон", "Телефон"), "E-mail", word(l, "Address", "Адреса", "Адрес"),
                    word(l, "Website", "Сайт", "Сайт"), word(l, "Tags", "Теги", "Теги"),
                    word(l, "Notes", "Нотатки", "Заметки")));
            custom.forEach(definition -> header.add(definition.label()));
            header.addAll(List.of(word(l, "Owner", "Відповідальний", "Ответственный"),
                    word(l, "Contact persons", "Контактні особи", "Контактные лица"),
                    word(l, "Updated", "Змінено", "Изменена")));
            sheet.row(header);
            CompanySearch.Page page = request.first();
            while (true) {
                for (List<Object> row : rows(page.items(), tenant, custom, owners)) {
                    sheet.row(row);
                }
                if (page.nextCursor() == null) {
                    break;
                }
                page = page(request.query(), page.nextCursor(), request.visibility());
            }
        }
    }

    private List<List<Object>> rows(List<CompanySummary> companies, UUID tenant, List<CustomFields.Definition> custom,
            Map<UUID, String> owners) {
        if (companies.isEmpty()) {
            return List.of();
        }
        UUID[] ids = companies.stream().map(CompanySummary::id).toArray(UUID[]::new);
        Map<UUID, Map<String, List<String>>> points = Cells.points(jdbc, "company_point", "company_id", tenant, ids);
        Map<UUID, Object[]> cards = new HashMap<>();
        jdbc.query("select id, notes, custom_fields::text from company where tenant_id = ? and id = any(?)",
                row -> {
                    cards.put(row.getObject(1, UUID.class), new Object[] {row.getString(2),
                            json.readValue(row.getString(3), JSON_OBJECT)});
                }, tenant, ids);
        List<List<Object>> rows = new ArrayList<>();
        for (CompanySummary company : companies) {
            Object[] card = cards.get(company.id());
            if (card == null) {
                continue; // deleted between the page and this read
            }
            Map<String, List<String>> own = points.getOrDefault(company.id(), Map.of());
            @SuppressWarnings("unchecked")
            Map<String, Object> values = (Map<String, Object>) card[1];
            List<Object> row = new ArrayList<>(List.of(company.name(), Cells.nullable(company.taxId()),
                    Cells.nullable(company.industry()), Cells.joined(own.get(PointKind.PHONE.name())),
                    Cells.joined(own.get(PointKind.EMAIL.name())), Cells.joined(own.get(PointKind.ADDRESS.name())),
                    Cells.joined(own.get(PointKind.WEBSITE.name())), Cells.joined(company.tags()),
                    Cells.nullable(card[0])));
            for (CustomFields.Definition definition : custom) {
                row.add(Cells.customValue(values.get(definition.key())));
            }
            row.add(company.ownerId() == null ? ""
                    : owners.computeIfAbsent(company.ownerId(), id -> Cells.ownerName(directory, id)));
            row.add(BigDecimal.valueOf(company.members()));
            row.add(company.updatedAt());
            rows.add(row);
        }
        return rows;
    }
}
