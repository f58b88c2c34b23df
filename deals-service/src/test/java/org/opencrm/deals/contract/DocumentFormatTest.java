package org.opencrm.deals.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;
import org.junit.jupiter.api.Test;

/** A contract document's format is told by its content, as real office files are written. */
class DocumentFormatTest {

    @Test
    void aWordDocumentWrittenByAnOfficeLibraryIsADocx() throws IOException {
        try (var document = new XWPFDocument(); var out = new ByteArrayOutputStream()) {
            document.createParagraph().createRun().setText("Договір № 17");
            document.write(out);
            assertThat(DocumentFormat.of(out.toByteArray())).contains(DocumentFormat.DOCX);
        }
    }

    @Test
    void spreadsheetsAreNotContractDocumentsWhateverTheirContainer() throws IOException {
        try (var xlsx = new XSSFWorkbook(); var xls = new HSSFWorkbook(); var a = new ByteArrayOutputStream();
                var b = new ByteArrayOutputStream()) {
            xlsx.createSheet("Prices");
            xlsx.write(a);
            xls.createSheet("Prices");
            xls.write(b);
            assertThat(DocumentFormat.of(a.toByteArray())).isEmpty();
            assertThat(DocumentFormat.of(b.toByteArray())).isEmpty();
        }
    }

    @Test
    void aPdfIsKnownByItsHeaderAndTextIsNothing() {
        assertThat(DocumentFormat.of("%PDF-1.7\n%%EOF".getBytes(StandardCharsets.US_ASCII))).contains(DocumentFormat.PDF);
        assertThat(DocumentFormat.of("<html>%PDF-1.7".getBytes(StandardCharsets.US_ASCII))).isEmpty();
        assertThat(DocumentFormat.of(new byte[] {'P', 'K', 3, 4, 0, 0})).as("a broken zip").isEmpty();
        assertThat(DocumentFormat.of(new byte[0])).isEmpty();
    }

    @Test
    void aKeptNameLosesFoldersAndQuotesAndShowsItsFormat() {
        assertThat(Contracts.filename("C:\\docs\\Договір \"17\".pdf", DocumentFormat.PDF)).isEqualTo("Договір 17.pdf");
        assertThat(Contracts.filename("../../etc/passwd", DocumentFormat.DOC)).isEqualTo("passwd.doc");
        assertThat(Contracts.filename(null, DocumentFormat.ODT)).isEqualTo("contract.odt");
        assertThat(Contracts.filename("scan.PDF", DocumentFormat.PDF)).isEqualTo("scan.PDF");
    }
}
