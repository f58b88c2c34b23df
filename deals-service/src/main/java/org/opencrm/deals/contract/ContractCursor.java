package org.opencrm.deals.contract;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;
import org.opencrm.platform.starter.web.InvalidFieldsException;

/** Where a page of contracts (latest start first) ended, opaque to clients. */
record ContractCursor(LocalDate startDate, UUID id) {

    String encode() {
        return Base64.getUrlEncoder().withoutPadding()
                .encodeToString((startDate + "\u0000" + id).getBytes(StandardCharsets.UTF_8));
    }

    /** The cursor, or null for the first page; 400 on the field for one this list did not give. */
    static ContractCursor decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return null;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\u0000", 2);
            return new ContractCursor(LocalDate.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw InvalidFieldsException.of("cursor", "is not a cursor of this list; start from the first page");
        }
    }
}
