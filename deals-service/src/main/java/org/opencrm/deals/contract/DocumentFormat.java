package org.opencrm.deals.contract;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;

/**
 * The formats a contract document may have, told by the file's content, never by its name or the type the
 * browser claims: PDF by its header, DOC by the Word stream of its OLE2 container, DOCX and ODT by the
 * entries of their zip.
 */
enum DocumentFormat {
    PDF("application/pdf", "pdf"),
    DOC("application/msword", "doc"),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx"),
    ODT("application/vnd.oasis.opendocument.text", "odt");

    private static final byte[] PDF_MAGIC = "%PDF-".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OLE2_MAGIC = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1,
            0x1A, (byte) 0xE1};
    private static final byte[] ZIP_MAGIC = {'P', 'K', 3, 4};
    /** Entries looked at before a zip is judged not to be a document: no one needs to walk a zip bomb. */
    private static final int MAX_ZIP_ENTRIES = 2000;

    private final String mediaType;
    private final String extension;

    DocumentFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    String mediaType() {
        return mediaType;
    }

    String extension() {
        return extension;
    }

    /** The format of the content, or empty if it is none of them. */
    static Optional<DocumentFormat> of(byte[] content) {
        if (startsWith(content, PDF_MAGIC)) {
            return Optional.of(PDF);
        }
        if (startsWith(content, OLE2_MAGIC)) {
            return isWordDocument(content) ? Optional.of(DOC) : Optional.empty();
        }
        if (startsWith(content, ZIP_MAGIC)) {
            return ofZip(content);
        }
        return Optional.empty();
    }

    private static boolean isWordDocument(byte[] content) {
        try (var fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            return fs.getRoot().hasEntryCaseInsensitive("WordDocument");
        } catch (IOException | RuntimeException e) {
            return false;
        }
    }

    /** ODT: its first entry is "mimetype" holding the ODF text type; DOCX: it has word/document.xml. */
    private static Optional<DocumentFormat> ofZip(byte[] content) {
        try (var zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            ZipEntry entry = zip.getNextEntry();
            if (entry != null && entry.getName().equals("mimetype")) {
                byte[] type = zip.readNBytes(100);
                return new String(type, StandardCharsets.US_ASCII).strip().equals(ODT.mediaType) ? Optional.of(ODT)
                        : Optional.empty();
            }
            for (int i = 0; entry != null && i < MAX_ZIP_ENTRIES; i++, entry = zip.getNextEntry()) {
                if (entry.getName().equals("word/document.xml")) {
                    return Optional.of(DOCX);
                }
            }
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static boolean startsWith(byte[] content, byte[] magic) {
        return content.length >= magic.length && Arrays.equals(content, 0, magic.length, magic, 0, magic.length);
    }
}
