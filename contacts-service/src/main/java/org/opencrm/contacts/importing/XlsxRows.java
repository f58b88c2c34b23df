package org.opencrm.contacts.importing;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.apache.poi.ooxml.util.DocumentHelper;
import org.apache.poi.openxml4j.exceptions.InvalidFormatException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.model.StylesTable;

/**
 * The first sheet of an Excel workbook (.xlsx) as rows, read as a stream (StAX over the sheet's XML) so
 * that a large sheet never sits in memory; its shared texts are kept in a temporary file ({@link SharedTexts}).
 * <p>
 * Cells come out as a person sees them, with two exceptions made for importing: a number is written out in
 * full (a phone stored as a number, 380671234567, is not "3.80671E+11"), and a date is an ISO date
 * (1990-04-12) whatever format the cell shows it in.
 */
final class XlsxRows implements SheetRows {

    private final OPCPackage workbook;
    private final SharedTexts texts;
    private final StylesTable styles;
    private final boolean dates1904;
    private final InputStream sheet;
    private final XMLStreamReader xml;
    private final Map<Integer, Boolean> dateStyles = new HashMap<>();
    private int lastRow;

    XlsxRows(Path file) {
        OPCPackage opened = null;
        SharedTexts shared = null;
        try {
            opened = OPCPackage.open(file.toFile(), PackageAccess.READ);
            XSSFReader reader = new XSSFReader(opened);
            shared = SharedTexts.read(sharedStrings(reader));
            styles = reader.getStylesTable();
            dates1904 = dates1904(reader);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new UnreadableFileException("The workbook has no sheet.");
            }
            sheet = sheets.next();
            xml = XMLHelper.newXMLInputFactory().createXMLStreamReader(sheet);
            workbook = opened;
            texts = shared;
        } catch (UnreadableFileException e) {
            closeQuietly(opened, shared);
            throw e;
        } catch (IOException | OpenXML4JException | XMLStreamException | RuntimeException e) {
            closeQuietly(opened, shared);
            throw new UnreadableFileException("The file is not a readable Excel workbook (.xlsx): " + reason(e), e);
        }
    }

    @Override
    public Row next() {
        try {
            while (xml.hasNext()) {
                if (xml.next() == XMLStreamConstants.START_ELEMENT && "row".equals(xml.getLocalName())) {
                    String number = xml.getAttributeValue(null, "r");
                    lastRow = number == null ? lastRow + 1 : Integer.parseInt(number);
                    List<String> cells = row();
                    if (!SheetRows.blank(cells)) {
                        return new Row(lastRow, cells);
                    }
                }
            }
            return null;
        } catch (XMLStreamException | RuntimeException e) {
            throw new UnreadableFileException("The sheet cannot be read after row " + lastRow + ": " + reason(e), e);
        }
    }

    /** The cells of the row the reader stands at, up to its end tag. */
    private List<String> row() throws XMLStreamException {
        List<String> cells = new ArrayList<>();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT && "row".equals(xml.getLocalName())) {
                return cells;
            }
            if (event == XMLStreamConstants.START_ELEMENT && "c".equals(xml.getLocalName())) {
                String reference = xml.getAttributeValue(null, "r");
                String type = xml.getAttributeValue(null, "t");
                String style = xml.getAttributeValue(null, "s");
                int column = reference == null ? cells.size() : column(reference);
                String value = cellValue(type, style);
                while (cells.size() < column) {
                    cells.add("");
                }
                if (column == cells.size()) {
                    cells.add(value);
                } else {
                    cells.set(column, value);
                }
            }
        }
        return cells;
    }

    /** Reads a cell up to its end tag: its value ({@code <v>}) or inline text ({@code <is>}), formatted. */
    private String cellValue(String type, String style) throws XMLStreamException {
        StringBuilder value = new StringBuilder();
        StringBuilder inline = new StringBuilder();
        int phonetic = 0;
        String inside = null;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if ("rPh".equals(name)) {
                    phonetic++;
                }
                inside = name;
            } else if (event == XMLStreamConstants.END_ELEMENT) {
                String name = xml.getLocalName();
                if ("c".equals(name)) {
                    break;
                }
                if ("rPh".equals(name)) {
                    phonetic--;
                }
                inside = null;
            } else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA
                    || event == XMLStreamConstants.SPACE) {
                if ("v".equals(inside)) {
                    value.append(xml.getText());
                } else if ("t".equals(inside) && phonetic == 0) {
                    inline.append(xml.getText());
                }
            }
        }
        String raw = value.toString();
        return switch (type == null ? "n" : type) {
            case "s" -> raw.isEmpty() ? "" : texts.get(Integer.parseInt(raw.strip()));
            case "inlineStr" -> inline.toString();
            case "b" -> "1".equals(raw.strip()) ? "true" : "false";
            case "n" -> raw.isBlank() ? "" : number(raw.strip(), style);
            default -> raw; // "str" (a formula's text), "e" (an error such as #N/A), "d" (an ISO date)
        };
    }

    private String number(String raw, String style) {
        if (style != null && isDateStyle(Integer.parseInt(style))) {
            LocalDateTime at = DateUtil.getLocalDateTime(Double.parseDouble(raw), dates1904);
            return at.toLocalTime().equals(LocalTime.MIDNIGHT) ? at.toLocalDate().toString() : at.toString();
        }
        return new BigDecimal(raw).stripTrailingZeros().toPlainString();
    }

    private boolean isDateStyle(int index) {
        return dateStyles.computeIfAbsent(index, i -> {
            if (styles == null || i >= styles.getNumCellStyles()) {
                return false;
            }
            var style = styles.getStyleAt(i);
            return DateUtil.isADateFormat(style.getDataFormat(), style.getDataFormatString());
        });
    }

    /** "B7" -> 1: the column letters of a cell reference as a 0-based index. */
    static int column(String reference) {
        int column = 0;
        for (int i = 0; i < reference.length(); i++) {
            char c = reference.charAt(i);
            if (c < 'A' || c > 'Z') {
                break;
            }
            column = column * 26 + (c - 'A' + 1);
        }
        return column - 1;
    }

    private static InputStream sharedStrings(XSSFReader reader) throws IOException, InvalidFormatException {
        try {
            return reader.getSharedStringsData();
        } catch (IllegalArgumentException | InvalidFormatException noSharedStrings) {
            return null;
        }
    }

    /** Whether the workbook counts dates from 1904 (old Mac Excel) rather than from 1900. */
    private static boolean dates1904(XSSFReader reader) throws IOException, InvalidFormatException {
        try (InputStream data = reader.getWorkbookData()) {
            var document = DocumentHelper.readDocument(data);
            var properties = document.getDocumentElement().getElementsByTagNameNS("*", "workbookPr");
            if (properties.getLength() == 0) {
                return false;
            }
            String value = ((org.w3c.dom.Element) properties.item(0)).getAttribute("date1904");
            return "1".equals(value) || "true".equalsIgnoreCase(value);
        } catch (org.xml.sax.SAXException e) {
            throw new IOException(e);
        }
    }

    private static String reason(Throwable e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private static void closeQuietly(OPCPackage workbook, SharedTexts texts) {
        if (texts != null) {
            texts.close();
        }
        if (workbook != null) {
            workbook.revert();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            throw new IOException(e);
        } finally {
            sheet.close();
            texts.close();
            // revert, not close: the package was opened read-only and nothing is to be saved
            workbook.revert();
        }
    }
}
