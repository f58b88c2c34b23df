package org.opencrm.platform.starter.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * Where exported rows go, a row at a time: a CSV text or an Excel workbook, the first row the header.
 * A service that exports declares {@code commons-csv} and {@code poi-ooxml} (optional in the starter).
 */
public interface ExportSheet extends AutoCloseable {

    void row(List<?> values) throws IOException;

    /** Writes what is left and closes the sheet (not the stream it writes to). */
    @Override
    void close() throws IOException;

    static ExportSheet open(ExportFormat format, OutputStream out, String sheetName) {
        return switch (format) {
            case CSV -> new Csv(out);
            case XLSX -> new Xlsx(out, sheetName);
        };
    }

    /** A value as text: dates ISO, instants in UTC, numbers in full. */
    static String text(Object value) {
        return switch (value) {
            case null -> "";
            case BigDecimal number -> number.toPlainString();
            default -> value.toString();
        };
    }

    /** RFC 4180 CSV in UTF-8 with a byte order mark, so that Excel reads Cyrillic names right. */
    final class Csv implements ExportSheet {

        private final Writer writer;
        private final CSVPrinter csv;

        Csv(OutputStream out) {
            try {
                writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
                writer.write('\uFEFF');
                csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public void row(List<?> values) throws IOException {
            for (Object value : values) {
                csv.print(ExportSheet.text(value));
            }
            csv.println();
        }

        @Override
        public void close() throws IOException {
            csv.flush();
        }
    }

    /**
     * An Excel workbook written with POI's streaming workbook: only the last 100 rows stay in memory, the rest
     * wait in a compressed temporary file until the workbook is written out at the end.
     */
    final class Xlsx implements ExportSheet {

        private final OutputStream out;
        private final SXSSFWorkbook workbook = new SXSSFWorkbook(100);
        private final SXSSFSheet sheet;
        private final CellStyle date;
        private final CellStyle dateTime;
        private final CellStyle header;
        private int rows;

        Xlsx(OutputStream out, String sheetName) {
            this.out = out;
            workbook.setCompressTempFiles(true);
            sheet = workbook.createSheet(sheetName);
            var format = workbook.createDataFormat();
            date = workbook.createCellStyle();
            date.setDataFormat(format.getFormat("yyyy-mm-dd"));
            dateTime = workbook.createCellStyle();
            dateTime.setDataFormat(format.getFormat("yyyy-mm-dd hh:mm:ss"));
            header = workbook.createCellStyle();
            Font bold = workbook.createFont();
            bold.setBold(true);
            header.setFont(bold);
        }

        @Override
        public void row(List<?> values) {
            Row row = sheet.createRow(rows);
            for (int i = 0; i < values.size(); i++) {
                Object value = values.get(i);
                if (value == null) {
                    continue;
                }
                Cell cell = row.createCell(i);
                switch (value) {
                    case LocalDate day -> {
                        cell.setCellValue(day);
                        cell.setCellStyle(date);
                    }
                    case Instant at -> {
                        cell.setCellValue(at.atOffset(ZoneOffset.UTC).toLocalDateTime());
                        cell.setCellStyle(dateTime);
                    }
                    case Boolean flag -> cell.setCellValue(flag);
                    case BigDecimal number -> cell.setCellValue(number.doubleValue());
                    default -> cell.setCellValue(value.toString());
                }
                if (rows == 0) {
                    cell.setCellStyle(header);
                }
            }
            rows++;
        }

        @Override
        public void close() throws IOException {
            try {
                workbook.write(out);
            } finally {
                // the temporary files of the rows written out
                workbook.dispose();
                workbook.close();
            }
        }
    }
}
