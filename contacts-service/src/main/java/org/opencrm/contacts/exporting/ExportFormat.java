package org.opencrm.contacts.exporting;

import java.util.Locale;
import java.util.Optional;
import org.springframework.http.MediaType;

/** The file an export is written as. */
enum ExportFormat {
    CSV("csv", new MediaType("text", "csv", java.nio.charset.StandardCharsets.UTF_8)),
    XLSX("xlsx", MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

    final String extension;
    final MediaType mediaType;

    ExportFormat(String extension, MediaType mediaType) {
        this.extension = extension;
        this.mediaType = mediaType;
    }

    static Optional<ExportFormat> of(String name) {
        for (ExportFormat format : values()) {
            if (format.extension.equals(name.strip().toLowerCase(Locale.ROOT))) {
                return Optional.of(format);
            }
        }
        return Optional.empty();
    }
}
