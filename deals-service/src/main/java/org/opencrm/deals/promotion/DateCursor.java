package org.opencrm.deals.promotion;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.opencrm.platform.starter.web.InvalidFieldsException;

/** Where a page of offers (latest start first) ended: the last one's start date and id, opaque to clients. */
record DateCursor(LocalDate startDate, UUID id) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((startDate + "\u0000" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor, or null for the first page; 400 on the field for one this list did not give. */
    static DateCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\u0000", 2);
            return new DateCursor(LocalDate.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw InvalidFieldsException.of("cursor", "is not a cursor of this list; start from the first page");
        }
    }
}
