package org.opencrm.contacts.importing;

import java.io.Closeable;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The rows of an uploaded file, read one at a time so that a file of a million rows needs no more memory
 * than one row. Rows without any value are passed over.
 */
interface SheetRows extends Closeable {

    /** One row: its number as a spreadsheet shows it (the header is usually 1), and its cells as text. */
    record Row(int number, List<String> cells) {

        String cell(int index) {
            return index < cells.size() && cells.get(index) != null ? cells.get(index) : "";
        }
    }

    /** The next row that has a value, or null after the last; an unreadable file is an {@link UnreadableFileException}. */
    Row next();

    @Override
    void close() throws IOException;

    /** Opens a stored file in the format it was recognised as. */
    static SheetRows open(Path file, FileFormat format) {
        return switch (format) {
            case CSV -> new CsvRows(file);
            case XLSX -> new XlsxRows(file);
        };
    }

    static boolean blank(List<String> cells) {
        return cells.stream().allMatch(cell -> cell == null || cell.isBlank());
    }
}
