package org.opencrm.platform.starter.web;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * Where a newest-first page ended (a timestamp and the id that breaks ties), as an opaque cursor: the
 * next page starts strictly before it. Timelines, comments, a funnel board's columns and the list of leads
 * and deals page this way.
 */
public record NewestFirst(Instant before, UUID beforeId) {

    /** Before everything: the first page. */
    public static final NewestFirst START = new NewestFirst(Instant.parse("9999-12-31T00:00:00Z"), new UUID(-1L, -1L));

    public static NewestFirst decode(String cursor) {
        if (cursor == null || cursor.isBlank()) {
            return START;
        }
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8).split("\\|");
            return new NewestFirst(Instant.parse(parts[0]), UUID.fromString(parts[1]));
        } catch (RuntimeException e) {
            throw InvalidFieldsException.of("cursor", "is not a cursor of this list; start from the first page");
        }
    }

    public static String encode(Instant at, UUID id) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString((at + "|" + id).getBytes(StandardCharsets.UTF_8));
    }
}
