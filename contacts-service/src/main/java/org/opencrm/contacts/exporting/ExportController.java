package org.opencrm.contacts.exporting;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.opencrm.contacts.contact.ContactKind;
import org.opencrm.contacts.contact.ContactPage;
import org.opencrm.contacts.contact.ContactQuery;
import org.opencrm.contacts.contact.ContactService;
import org.opencrm.contacts.contact.ContactStatus;
import org.opencrm.contacts.customfield.CardType;
import org.opencrm.contacts.customfield.CustomFields;
import org.opencrm.platform.starter.directory.Visibility;
import org.opencrm.platform.starter.export.ExportFormat;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.WebAsyncUtils;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The contact and company lists as files: {@code GET /api/contacts/export?format=csv|xlsx} with the list's
 * parameters ({@code q}, filters, {@code cf.<key>}, {@code sort}), and {@code GET /api/companies/export} the
 * same; headers in the reader's language (Accept-Language).
 */
@RestController
class ExportController {

    private final ContactExport export;
    private final CompanyExport companyExport;
    private final ContactService contacts;
    private final CustomFields customFields;
    private final ExportSettings settings;

    ExportController(ContactExport export, CompanyExport companyExport, ContactService contacts,
            CustomFields customFields, ExportSettings settings) {
        this.export = export;
        this.companyExport = companyExport;
        this.contacts = contacts;
        this.customFields = customFields;
        this.settings = settings;
    }

    @GetMapping("/api/contacts/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) String q, @RequestParam(required = false) UUID owner,
            @RequestParam(defaultValue = "false") boolean unassigned, @RequestParam(required = false) List<String> tag,
            @RequestParam(required = false) ContactStatus status, @RequestParam(required = false) Boolean vip,
            @RequestParam(required = false) String source, @RequestParam(required = false) ContactKind kind,
            @RequestParam(required = false) Instant createdFrom, @RequestParam(required = false) Instant createdTo,
            @RequestParam(required = false) Instant updatedFrom, @RequestParam(required = false) Instant updatedTo,
            @RequestParam(required = false) String sort, @RequestParam MultiValueMap<String, String> all,
            Locale locale, HttpServletRequest http) {
        ExportFormat file = ExportFormat.of(format)
                .orElseThrow(() -> InvalidFieldsException.of("format", "must be csv or xlsx"));
        Visibility visibility = contacts.visibility();
        var query = new ContactQuery(q, owner, unassigned, tag, status, vip, source, kind, createdFrom, createdTo,
                updatedFrom, updatedTo, sort, null, 0, customFields.filter(CardType.CONTACT, all));
        ContactPage first = export.firstPage(query, visibility);
        var request = new ContactExport.Request(query, first, visibility, locale, file);
        return download("contacts", file, http, out -> export.write(request, out));
    }

    /** The company list as a file, with the list's parameters ({@code q}, {@code owner}, {@code tag}, {@code cf.<key>}, {@code sort}). */
    @GetMapping("/api/companies/export")
    ResponseEntity<StreamingResponseBody> exportCompanies(@RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) String q, @RequestParam(required = false) UUID owner,
            @RequestParam(required = false) List<String> tag, @RequestParam(required = false) String sort,
            @RequestParam MultiValueMap<String, String> all, Locale locale, HttpServletRequest http) {
        ExportFormat file = ExportFormat.of(format)
                .orElseThrow(() -> InvalidFieldsException.of("format", "must be csv or xlsx"));
        Visibility visibility = contacts.visibility();
        var query = new CompanyExport.Query(q, owner, tag, customFields.filter(CardType.COMPANY, all), sort);
        var request = new CompanyExport.Request(query, companyExport.firstPage(query, visibility), visibility, locale, file);
        return download("companies", file, http, out -> companyExport.write(request, out));
    }

    private ResponseEntity<StreamingResponseBody> download(String what, ExportFormat file, HttpServletRequest http,
            StreamingResponseBody body) {
        var async = WebAsyncUtils.getAsyncManager(http).getAsyncWebRequest();
        if (async != null) {
            async.setTimeout(settings.timeout().toMillis());
        }
        String name = what + "-" + LocalDate.now(ZoneOffset.UTC) + "." + file.extension();
        return ResponseEntity.ok().contentType(file.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(body);
    }
}
