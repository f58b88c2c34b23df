package org.opencrm.contacts.importing;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A CSV file as rows: UTF-8 with or without a byte order mark, fields separated by commas, semicolons
 * (what Excel writes where the decimal separator is a comma, as in Ukraine) or tabs, whichever the header
 * line uses most. Text that is not UTF-8 is refused rather than guessed at, because a wrong guess would
 * import garbled names.
 */
final class CsvRows implements SheetRows {

    private static final int SNIFF_BYTES = 64 * 1024;

    private final CSVParser parser;
    private final Iterator<CSVRecord> records;

    CsvRows(Path file) {
        try {
            InputStream in = new BufferedInputStream(Files.newInputStream(file), SNIFF_BYTES * 2);
            skipByteOrderMark(in);
            char delimiter = delimiter(in);
            var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT);
            // empty lines are kept as records so that record numbers stay the row numbers a spreadsheet shows
            parser = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(false).get()
                    .parse(new InputStreamReader(in, decoder));
            records = parser.iterator();
        } catch (IOException e) {
            throw unreadable(e);
        }
    }

    @Override
    public Row next() {
        try {
            while (records.hasNext()) {
                CSVRecord record = records.next();
                var cells = record.toList();
                if (!SheetRows.blank(cells)) {
                    return new Row(Math.toIntExact(record.getRecordNumber()), cells);
                }
            }
            return null;
        } catch (UncheckedIOException | IllegalStateException e) {
            throw unreadable(e);
        }
    }

    @Override
    public void close() throws IOException {
        parser.close();
    }

    private static void skipByteOrderMark(InputStream in) throws IOException {
        in.mark(3);
        byte[] head = in.readNBytes(3);
        if (!(head.length == 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF)) {
            in.reset();
        }
    }

    /** The separator the header line uses most, outside quotes; a comma if it uses none. */
    static char delimiter(InputStream in) throws IOException {
        in.mark(SNIFF_BYTES);
        byte[] head = in.readNBytes(SNIFF_BYTES);
        in.reset();
        String text = new String(head, StandardCharsets.UTF_8);
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted) {
                if (c == '\n' || c == '\r') {
                    break;
                }
                switch (c) {
                    case ',' -> commas++;
                    case ';' -> semicolons++;
                    case '\t' -> tabs++;
                    default -> {
                    }
                }
            }
        }
        if (semicolons > commas && semicolons >= tabs) {
            return ';';
        }
        return tabs > commas ? '\t' : ',';
    }

    private static UnreadableFileException unreadable(Exception e) {
        Throwable cause = e;
        while (cause != null) {
            if (cause instanceof CharacterCodingException) {
                return new UnreadableFileException(
                        "The file is not UTF-8 text. Save it as \"CSV UTF-8\" (Excel) or as .xlsx.", e);
            }
            cause = cause.getCause();
        }
        String detail = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                : e.getMessage();
        return new UnreadableFileException("The file is not a readable CSV file: " + detail, e);
    }
}
