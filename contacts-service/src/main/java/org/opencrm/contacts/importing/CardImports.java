package org.opencrm.contacts.importing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.opencrm.platform.starter.directory.Visibility;
import org.opencrm.contacts.customfield.CardType;
import org.opencrm.contacts.customfield.CustomFields;
import org.opencrm.platform.starter.directory.Directory;
import org.opencrm.contacts.importing.ImportJobs.ImportJob;
import org.opencrm.contacts.importing.ImportRequests.ImportView;
import org.opencrm.contacts.importing.ImportRequests.StartImport;
import org.opencrm.platform.starter.security.CrmUser;
import org.opencrm.platform.starter.security.CurrentUser;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.NotFoundException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.multipart.MultipartFile;

/**
 * Imports of contacts and of companies (`002_*` "Import Excel"): a file is uploaded and read once to show
 * its columns, a preview and a suggested mapping onto the card's fields; the user starts it with the mapping
 * they chose and what to do with duplicates; it runs in the background ({@link ImportRunner}) while its
 * progress can be read; the rows it refused are a CSV report. An import is of one kind of card, and is
 * found only among the imports of that kind.
 * <p>
 * Who: users who may change clients (not MARKETER, not DEVELOPER); an import is seen by the user who
 * uploaded it and by administrators, and by nobody of another company.
 */
@Service
class CardImports {

    private final ImportJobs jobs;
    private final ImportRunner runner;
    private final Directory directory;
    private final CustomFields customFields;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    CardImports(ImportJobs jobs, ImportRunner runner, Directory directory, CustomFields customFields,
            TransactionTemplate transactions, JdbcTemplate jdbc) {
        this.jobs = jobs;
        this.runner = runner;
        this.directory = directory;
        this.customFields = customFields;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    /** What the caller may see and change, as the card services decide it: 403 for roles without clients. */
    private Visibility visibility() {
        return Visibility.of(CurrentUser.require(), directory);
    }

    ImportView upload(CardType card, MultipartFile upload) {
        visibility().requireWrite();
        CrmUser user = CurrentUser.require();
        if (upload.isEmpty()) {
            throw InvalidFieldsException.of("file", "The file is empty.");
        }
        UUID id = UUID.randomUUID();
        Path file = null;
        try {
            file = Files.createTempFile("contact-import-", ".upload");
            upload.transferTo(file);
            FileAnalysis analysis;
            try {
                analysis = FileAnalysis.of(file);
            } catch (UnreadableFileException e) {
                throw InvalidFieldsException.of("file", e.getMessage());
            }
            Path stored = file;
            transactions.executeWithoutResult(status -> jobs.insert(id, user.tenantId(), card, user.userId(),
                    fileName(upload.getOriginalFilename()), upload.getSize(), analysis, stored, Instant.now()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(file);
        }
        return view(find(card, id));
    }

    ImportView start(CardType card, UUID id, StartImport request) {
        Visibility visibility = visibility();
        visibility.requireWrite();
        ImportJob job = find(card, id);
        List<RowChecker.Target> targets = ColumnMapping.check(card, request.mapping(), job.columns(),
                customFields.of(card));
        if (!jobs.markRunning(id, request.duplicates(), request.mapping())) {
            throw new ImportStateException("The import is " + find(card, id).status().name().toLowerCase()
                    + "; only an uploaded, failed or cancelled import can be started.");
        }
        runner.start(job, targets, request.duplicates(), visibility,
                SecurityContextHolder.getContext().getAuthentication());
        return view(find(card, id));
    }

    ImportView get(CardType card, UUID id) {
        return view(find(card, id));
    }

    ImportView cancel(CardType card, UUID id) {
        visibility().requireWrite();
        find(card, id);
        if (!jobs.requestCancel(id)) {
            throw new ImportStateException("The import is " + find(card, id).status().name().toLowerCase()
                    + " and can no longer be cancelled.");
        }
        return view(find(card, id));
    }

    /** The rows the import refused, as CSV: row number, reasons, then the row's cells under the file's headers. */
    void writeRejected(ImportJob job, OutputStream out) throws IOException {
        UUID id = job.id();
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        // a byte order mark, so that Excel reads the Cyrillic as UTF-8
        writer.write('\uFEFF');
        try (CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            List<String> header = new ArrayList<>(List.of("Row", "Reasons"));
            header.addAll(job.columns());
            csv.printRecord(header);
            int after = 0;
            while (true) {
                List<List<String>> page = new ArrayList<>();
                int[] last = {after};
                jdbc.query("""
                        select row_number, reasons, cells from contact_import_rejection
                        where import_id = ? and row_number > ? order by row_number limit 1000""", row -> {
                    List<String> record = new ArrayList<>();
                    last[0] = row.getInt(1);
                    record.add(String.valueOf(last[0]));
                    record.add(String.join("; ", (String[]) row.getArray(2).getArray()));
                    record.addAll(Arrays.asList((String[]) row.getArray(3).getArray()));
                    page.add(record);
                }, id, after);
                for (List<String> record : page) {
                    csv.printRecord(record);
                }
                if (page.isEmpty()) {
                    break;
                }
                after = last[0];
            }
        }
    }

    /** The report exists once the import completed: refused rows commit with the imported ones. */
    ImportJob completed(CardType card, UUID id) {
        ImportJob job = find(card, id);
        if (job.status() != ImportStatus.COMPLETED) {
            throw new ImportStateException("The report of refused rows is ready when the import has completed.");
        }
        return job;
    }

    /** An import the caller may see: their own, or any of their company's for an administrator. */
    private ImportJob find(CardType card, UUID id) {
        CrmUser user = CurrentUser.require();
        return jobs.find(user.tenantId(), card, id)
                .filter(job -> job.createdBy().equals(user.userId()) || user.hasRole("ADMIN"))
                .orElseThrow(() -> new NotFoundException("Import", id));
    }

    private ImportView view(ImportJob job) {
        var custom = customFields.of(job.cardType());
        return new ImportView(job.id(), job.fileName(), job.format(), job.size(), job.status(), job.stage(),
                job.totalRows(), job.rowsRead(), job.counts(), job.announced(), job.duplicates(), job.cancelRequested(),
                job.failure(), job.createdBy(), job.createdAt(), job.startedAt(), job.finishedAt(),
                ColumnMapping.suggest(job.cardType(), job.columns(), custom), job.preview(), job.mapping(),
                ColumnMapping.targets(job.cardType(), custom));
    }

    /** The name the browser sent, without any folder. */
    private static String fileName(String original) {
        if (original == null || original.isBlank()) {
            return "upload";
        }
        String name = original.substring(Math.max(original.lastIndexOf('/'), original.lastIndexOf('\\')) + 1).strip();
        return name.length() > 255 ? name.substring(name.length() - 255) : name.isEmpty() ? "upload" : name;
    }

    private static void delete(Path file) {
        if (file != null) {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
