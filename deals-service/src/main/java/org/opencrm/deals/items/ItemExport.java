package org.opencrm.deals.items;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.opencrm.platform.starter.directory.Directory;
import org.opencrm.platform.starter.directory.Visibility;
import org.opencrm.platform.starter.export.ExportFormat;
import org.opencrm.platform.starter.export.ExportSheet;
import org.opencrm.platform.starter.security.TenantContext;
import org.springframework.stereotype.Service;

/**
 * Writes the list of leads and deals a user sees, with the list's filters ({@link ItemSearch}), as CSV or
 * XLSX: the columns of `002_*` 2.1.3 and the client and money of each row. It pages through the list with
 * its keyset cursor, each page in a transaction of its own, so memory stays flat and no database connection
 * waits on a slow download. Seeded pipelines and stages, statuses and payments are written in the reader's
 * language.
 */
@Service
class ItemExport {

    static final int PAGE = 200;
    /** How long an export may stream (far past the servlet container's default for asynchronous requests). */
    static final Duration TIMEOUT = Duration.ofMinutes(30);

    /** An export: the list's query, its first page already read (so that a bad filter is a 400, not a broken file). */
    record Request(ItemQuery query, ItemPage first, Visibility visibility, Locale locale, ExportFormat format) {
    }

    private final ItemSearch search;
    private final Directory directory;

    ItemExport(ItemSearch search, Directory directory) {
        this.search = search;
        this.directory = directory;
    }

    void write(Request request, OutputStream out) {
        // the export runs on a thread of its own: the tenant is set here rather than taken from the request
        TenantContext.runAs(request.visibility().user().tenantId(), () -> {
            try {
                write(request, out, Words.of(request.locale()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private void write(Request request, OutputStream out, Words words) throws IOException {
        Map<UUID, String> owners = new HashMap<>();
        try (ExportSheet sheet = ExportSheet.open(request.format(), out, words.sheet())) {
            sheet.row(words.header());
            ItemPage page = request.first();
            while (true) {
                for (Item item : page.items()) {
                    sheet.row(row(item, words, owners));
                }
                if (page.nextCursor() == null) {
                    break;
                }
                ItemQuery q = request.query();
                page = search.page(new ItemQuery(q.type(), q.pipeline(), q.stage(), q.filter(), page.nextCursor(), PAGE),
                        request.visibility());
            }
        }
    }

    private List<Object> row(Item item, Words words, Map<UUID, String> owners) {
        List<Object> row = new ArrayList<>();
        row.add("#" + item.number());
        row.add(words.type(item.type().name()));
        row.add(words.name(item.pipelineName(), item.pipelineCode()));
        row.add(words.name(item.stageName(), item.stageCode()));
        row.add(item.createdAt());
        row.add(item.paymentStatus() == null ? "" : words.payment(item.paymentStatus(), item.paymentType()));
        row.add(item.comment() == null ? "" : item.comment());
        row.add(item.sourceDetail() == null ? "" : item.sourceDetail());
        row.add(item.ownerId() == null ? "" : owners.computeIfAbsent(item.ownerId(), this::ownerName));
        row.add(item.title() != null ? item.title() : item.contactName() == null ? "" : item.contactName());
        row.add(item.phone() == null ? "" : item.phone());
        row.add(item.amount() == null ? "" : item.amount());
        row.add(item.currency() == null ? "" : item.currency());
        row.add(words.status(item.status()));
        row.add(item.source() == null ? "" : item.source());
        return row;
    }

    /** The owner's name as the directory knows it, or the id of a user it does not know. */
    private String ownerName(UUID owner) {
        return directory.find(owner).map(member -> String.join(" ", Stream.of(member.lastName(), member.firstName())
                        .filter(part -> part != null && !part.isBlank()).toList()))
                .filter(name -> !name.isEmpty()).orElse(owner.toString());
    }
}
