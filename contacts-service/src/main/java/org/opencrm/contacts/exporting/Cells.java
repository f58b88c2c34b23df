package org.opencrm.contacts.exporting;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.opencrm.platform.starter.directory.Directory;
import org.springframework.jdbc.core.JdbcTemplate;

/** Card values as the cells of an exported row. */
final class Cells {

    private Cells() {
    }

    static Object nullable(Object value) {
        return value == null ? "" : value;
    }

    /** Several values in one cell, as the import splits them again. */
    static String joined(List<String> values) {
        return values == null ? "" : String.join("; ", values);
    }

    static Object customValue(Object value) {
        return switch (value) {
            case null -> "";
            case List<?> list -> String.join("; ", list.stream().map(String::valueOf).toList());
            case Number number -> new BigDecimal(number.toString());
            default -> value;
        };
    }

    /**
     * The contact points of these cards, by card and kind, each kind's values in the card's order: one
     * query for a page of the export. {@code table} and {@code card} name a point table and its card column.
     */
    static Map<UUID, Map<String, List<String>>> points(JdbcTemplate jdbc, String table, String card, UUID tenant,
            UUID[] ids) {
        Map<UUID, Map<String, List<String>>> points = new HashMap<>();
        jdbc.query("select " + card + ", kind, value from " + table + " where tenant_id = ? and " + card
                + " = any(?) order by " + card + ", position", row -> {
            points.computeIfAbsent(row.getObject(1, UUID.class), id -> new HashMap<>())
                    .computeIfAbsent(row.getString(2), kind -> new ArrayList<>()).add(row.getString(3));
        }, tenant, ids);
        return points;
    }

    /** The owner's name as the directory knows it, or the id of a user it does not know. */
    static String ownerName(Directory directory, UUID owner) {
        return directory.find(owner).map(member -> String.join(" ", Stream.of(member.lastName(), member.firstName())
                        .filter(part -> part != null && !part.isBlank()).toList()))
                .filter(name -> !name.isEmpty()).orElse(owner.toString());
    }
}
