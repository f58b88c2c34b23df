package org.opencrm.contacts.importing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What an uploaded file is, told by its first bytes rather than by its name. */
enum FileFormat {
    CSV, XLSX;

    static FileFormat of(Path file) {
        byte[] head = new byte[8];
        int read;
        try (InputStream in = Files.newInputStream(file)) {
            read = in.readNBytes(head, 0, head.length);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (read == 0) {
            throw new UnreadableFileException("The file is empty.");
        }
        if (read >= 4 && head[0] == 'P' && head[1] == 'K' && head[2] == 3 && head[3] == 4) {
            return XLSX;
        }
        if (read >= 4 && (head[0] & 0xFF) == 0xD0 && (head[1] & 0xFF) == 0xCF && (head[2] & 0xFF) == 0x11
                && (head[3] & 0xFF) == 0xE0) {
            throw new UnreadableFileException(
                    "The file is an old Excel 97-2003 workbook (.xls); save it as .xlsx or as CSV UTF-8.");
        }
        return CSV;
    }
}
