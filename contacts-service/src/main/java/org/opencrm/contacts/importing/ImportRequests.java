package org.opencrm.contacts.importing;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The bodies of the import API. */
final class ImportRequests {

    private ImportRequests() {
    }

    /**
     * A column of the file and the card's field it fills: {@code firstName}, {@code phone}, ... for a contact,
     * {@code name}, {@code taxId}, ... for a company, or {@code customFields.<key>} (the fields the upload
     * answer lists).
     */
    record MappedColumn(@NotNull @PositiveOrZero Integer column, @NotBlank @Size(max = 100) String field) {
    }

    /** Starts an import: columns left out of the mapping are not imported. */
    record StartImport(@NotNull @Size(min = 1, max = FileAnalysis.MAX_COLUMNS) List<@Valid @NotNull MappedColumn> mapping,
            @NotNull Duplicates duplicates) {
    }

    /** A column of the file, with the field its header suggests (null: none). */
    record Column(int index, String name, String suggestedField) {
    }

    /** A field a column can be mapped to. */
    record Target(String field, String label) {
    }

    /**
     * What became of the rows: each row is counted once. {@code updated} counts rows that changed a card
     * (one already there, or one an earlier row of the file created); {@code skipped} rows that duplicate a
     * card and were left out, or brought nothing new to it.
     */
    record Counts(int created, int updated, int skipped, int rejected) {
    }

    /** An import as the API shows it. */
    record ImportView(UUID id, String fileName, FileFormat format, long size, ImportStatus status, ImportStage stage,
            int totalRows, int rowsRead, Counts counts, int announced, Duplicates duplicates, boolean cancelRequested,
            String failure, UUID createdBy, Instant createdAt, Instant startedAt, Instant finishedAt,
            List<Column> columns, List<List<String>> preview, List<MappedColumn> mapping, List<Target> fields) {
    }
}
