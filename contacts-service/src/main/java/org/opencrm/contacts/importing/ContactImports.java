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
import org.opencrm.contacts.access.Visibility;
import org.opencrm.contacts.contact.ContactService;
import org.opencrm.contacts.customfield.CardType;
import org.opencrm.contacts.customfield.CustomFields;
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
 * Contact imports (`002_*` "Import Excel"): a file is uploaded and read once to show its columns, a preview
 * and a suggested mapping; the user starts it with the mapping they chose and what to do with duplicates;
 * it runs in the background ({@link ImportRunner}) while its progress can be read; the rows it refused
 * are a CSV report.
 * <p>
 * Who: users who may change clients (not MARKETER, not DEVELOPER); an import is seen by the user who
 * uploaded it and by administrators, and by nobody of another company.
 */
@Service
class ContactImports {

    private final ImportJobs jobs;
    private final ImportRunner runner;
    private final ContactService contacts;
    private final CustomFields customFields;
    private final TransactionTemplate transactions;
    private final JdbcTemplate jdbc;

    ContactImports(ImportJobs jobs, ImportRunner runner, ContactService contacts, CustomFields customFields,
            TransactionTemplate transactions, JdbcTemplate jdbc) {
        this.jobs = jobs;
        this.runner = runner;
        this.contacts = contacts;
        this.customFields = customFields;
        this.transactions = transactions;
        this.jdbc = jdbc;
    }

    ImportView upload(MultipartFile upload) {
        contacts.visibility().requireWrite();
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
            transactions.executeWithoutResult(status -> jobs.insert(id, user.tenantId(), user.userId(),
                    fileName(upload.getOriginalFilename()), upload.getSize(), analysis, stored, Instant.now()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            delete(file);
        }
        return view(find(id));
    }

    ImportView start(UUID id, StartImport request) {
        Visibility visibility = contacts.visibility();
        visibility.requireWrite();
        ImportJob job = find(id);
        List<RowChecker.Target> targets = ColumnMapping.check(request.mapping(), job.columns(),
                customFields.of(CardType.CONTACT));
        if (!jobs.markRunning(id, request.duplicates(), request.mapping())) {
            throw new ImportStateException("The import is " + find(id).status().name().toLowerCase()
                    + "; only an uploaded, failed or cancelled import can be started.");
        }
        runner.start(job, targets, request.duplicates(), visibility,
                SecurityContextHolder.getContext().getAuthentication());
        return view(find(id));
    }

    ImportView get(UUID id) {
        return view(find(id));
    }

    ImportView cancel(UUID id) {
        contacts.visibility().requireWrite();
        find(id);
        if (!jobs.requestCancel(id)) {
            throw new ImportStateException("The import is " + find(id).status().name().toLowerCase()
                    + " and can no longer be cancelled.");
        }
        return view(find(id));
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
    ImportJob completed(UUID id) {
        ImportJob job = find(id);
        if (job.status() != ImportStatus.COMPLETED) {
            throw new ImportStateException("The report of refused rows is ready when the import has completed.");
        }
        return job;
    }

    /** An import the caller may see: their own, or any of their company's for an administrator. */
    private ImportJob find(UUID id) {
        CrmUser user = CurrentUser.require();
        return jobs.find(user.tenantId(), id)
                .filter(job -> job.createdBy().equals(user.userId()) || user.hasRole("ADMIN"))
                .orElseThrow(() -> new NotFoundException("Import", id));
    }

    private ImportView view(ImportJob job) {
        var custom = customFields.of(CardType.CONTACT);
        return new ImportView(job.id(), job.fileName(), job.format(), job.size(), job.status(), job.stage(),
                job.totalRows(), job.rowsRead(), job.counts(), job.announced(), job.duplicates(), job.cancelRequested(),
                job.failure(), job.createdBy(), job.createdAt(), job.startedAt(), job.finishedAt(),
                ColumnMapping.suggest(job.columns(), custom), job.preview(), job.mapping(),
                ColumnMapping.targets(custom));
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
