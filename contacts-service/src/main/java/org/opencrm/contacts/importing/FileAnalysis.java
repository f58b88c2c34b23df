package org.opencrm.contacts.importing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * What an uploaded file holds, found by reading it once to its end, so that a file broken at row 900 000
 * is refused on upload rather than failing the import: its columns (the first row is the header), the
 * first rows as a preview, and how many rows there are to import.
 */
record FileAnalysis(FileFormat format, List<String> columns, List<List<String>> preview, int totalRows) {

    static final int PREVIEW_ROWS = 5;
    static final int MAX_COLUMNS = 200;

    static FileAnalysis of(Path file) {
        FileFormat format = FileFormat.of(file);
        try (SheetRows rows = SheetRows.open(file, format)) {
            SheetRows.Row header = rows.next();
            if (header == null) {
                throw new UnreadableFileException("The file has no rows.");
            }
            if (header.cells().size() > MAX_COLUMNS) {
                throw new UnreadableFileException("The file has more than " + MAX_COLUMNS + " columns.");
            }
            List<String> columns = columns(header.cells());
            List<List<String>> preview = new ArrayList<>();
            int total = 0;
            for (SheetRows.Row row = rows.next(); row != null; row = rows.next()) {
                if (preview.size() < PREVIEW_ROWS) {
                    List<String> cells = new ArrayList<>();
                    for (int i = 0; i < columns.size(); i++) {
                        cells.add(row.cell(i));
                    }
                    preview.add(cells);
                }
                total++;
            }
            if (total == 0) {
                throw new UnreadableFileException("The file has a header row but no rows to import.");
            }
            return new FileAnalysis(format, columns, preview, total);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The header's names, stripped; a column without one is "Column 3". */
    static List<String> columns(List<String> header) {
        List<String> columns = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i) == null ? "" : header.get(i).strip();
            columns.add(name.isEmpty() ? "Column " + (i + 1) : name);
        }
        return columns;
    }
}
