package org.opencrm.contacts.contact;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What the contact list asks for: the one search box ({@code q}), filters, the sort and the page.
 *
 * @param owner      a user id, or null; {@code unassigned} true asks for contacts without an owner
 * @param tags       contacts with any of these tags
 * @param sort       {@code updatedAt}, {@code createdAt}, {@code name} or {@code relevance} (only with q);
 *                   a leading '-' sorts descending. Default: relevance with q, else -updatedAt
 * @param cursor     where the previous page ended
 * @param customFields custom field values a contact must have ({@code cf.<key>=<value>} parameters)
 */
public record ContactQuery(
        String q,
        UUID owner,
        boolean unassigned,
        List<String> tags,
        ContactStatus status,
        Boolean vip,
        String source,
        ContactKind kind,
        Instant createdFrom,
        Instant createdTo,
        Instant updatedFrom,
        Instant updatedTo,
        String sort,
        String cursor,
        int limit,
        Map<String, Object> customFields) {
}
