package org.opencrm.deals.items;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.UUID;
import org.opencrm.deals.access.Access;
import org.opencrm.deals.card.CardKind;
import org.opencrm.deals.deal.PaymentStatus;
import org.opencrm.platform.starter.directory.Visibility;
import org.opencrm.platform.starter.export.ExportFormat;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.context.request.async.WebAsyncUtils;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * The list of all leads and deals (`002_*` 2.1.3) over HTTP, its two halves ({@code GET /api/deals/leads},
 * {@code GET /api/deals/deals}) and its export as CSV or XLSX with the same filters.
 */
@RestController
class ItemController {

    private final ItemSearch search;
    private final ItemExport export;
    private final Access access;

    ItemController(ItemSearch search, ItemExport export, Access access) {
        this.search = search;
        this.export = export;
        this.access = access;
    }

    @GetMapping("/api/deals/items")
    ItemPage items(@RequestParam(required = false) String type, @RequestParam(required = false) UUID pipeline,
            @RequestParam(required = false) UUID stage, @RequestParam(required = false) UUID owner,
            @RequestParam(defaultValue = "false") boolean unassigned,
            @RequestParam(required = false) PaymentStatus paymentStatus, @RequestParam(required = false) String source,
            @RequestParam(required = false) Instant createdFrom, @RequestParam(required = false) Instant createdTo,
            @RequestParam(required = false) String q, @RequestParam(required = false) UUID contact,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        var filter = new CardFilter(owner, unassigned, source, createdFrom, createdTo, paymentStatus, q, contact);
        return search.page(new ItemQuery(type(type), pipeline, stage, filter, cursor, limit), access.visibility());
    }

    @GetMapping("/api/deals/leads")
    ItemPage leads(@RequestParam(required = false) UUID pipeline, @RequestParam(required = false) UUID stage,
            @RequestParam(required = false) UUID owner, @RequestParam(defaultValue = "false") boolean unassigned,
            @RequestParam(required = false) String source, @RequestParam(required = false) Instant createdFrom,
            @RequestParam(required = false) Instant createdTo, @RequestParam(required = false) String q,
            @RequestParam(required = false) UUID contact, @RequestParam(required = false) String cursor,
            @RequestParam(defaultValue = "50") int limit) {
        var filter = new CardFilter(owner, unassigned, source, createdFrom, createdTo, null, q, contact);
        return search.page(new ItemQuery(CardKind.LEAD, pipeline, stage, filter, cursor, limit), access.visibility());
    }

    @GetMapping("/api/deals/deals")
    ItemPage deals(@RequestParam(required = false) UUID pipeline, @RequestParam(required = false) UUID stage,
            @RequestParam(required = false) UUID owner, @RequestParam(defaultValue = "false") boolean unassigned,
            @RequestParam(required = false) PaymentStatus paymentStatus, @RequestParam(required = false) String source,
            @RequestParam(required = false) Instant createdFrom, @RequestParam(required = false) Instant createdTo,
            @RequestParam(required = false) String q, @RequestParam(required = false) UUID contact,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        var filter = new CardFilter(owner, unassigned, source, createdFrom, createdTo, paymentStatus, q, contact);
        return search.page(new ItemQuery(CardKind.DEAL, pipeline, stage, filter, cursor, limit), access.visibility());
    }

    /** The list as a file ({@code format=csv|xlsx}), with the list's parameters; headers in the reader's language. */
    @GetMapping("/api/deals/items/export")
    ResponseEntity<StreamingResponseBody> export(@RequestParam(defaultValue = "csv") String format,
            @RequestParam(required = false) String type, @RequestParam(required = false) UUID pipeline,
            @RequestParam(required = false) UUID stage, @RequestParam(required = false) UUID owner,
            @RequestParam(defaultValue = "false") boolean unassigned,
            @RequestParam(required = false) PaymentStatus paymentStatus, @RequestParam(required = false) String source,
            @RequestParam(required = false) Instant createdFrom, @RequestParam(required = false) Instant createdTo,
            @RequestParam(required = false) String q, @RequestParam(required = false) UUID contact, Locale locale,
            HttpServletRequest http) {
        ExportFormat file = ExportFormat.of(format)
                .orElseThrow(() -> InvalidFieldsException.of("format", "must be csv or xlsx"));
        Visibility visibility = access.visibility();
        var filter = new CardFilter(owner, unassigned, source, createdFrom, createdTo, paymentStatus, q, contact);
        var query = new ItemQuery(type(type), pipeline, stage, filter, null, ItemExport.PAGE);
        // the first page is read here, where a bad filter still answers 400 rather than breaking the file
        var request = new ItemExport.Request(query, search.page(query, visibility), visibility, locale, file);
        var async = WebAsyncUtils.getAsyncManager(http).getAsyncWebRequest();
        if (async != null) {
            async.setTimeout(ItemExport.TIMEOUT.toMillis());
        }
        String name = "leads-and-deals-" + LocalDate.now(ZoneOffset.UTC) + "." + file.extension();
        return ResponseEntity.ok().contentType(file.mediaType())
                .header(HttpHeaders.CONTENT_DISPOSITION,
                        ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
                .body(out -> export.write(request, out));
    }

    private static CardKind type(String type) {
        if (type == null || type.isBlank()) {
            return null;
        }
        return switch (type.strip().toLowerCase(Locale.ROOT)) {
            case "lead", "leads" -> CardKind.LEAD;
            case "deal", "deals" -> CardKind.DEAL;
            default -> throw InvalidFieldsException.of("type", "must be lead or deal");
        };
    }
}
