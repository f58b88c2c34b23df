package org.opencrm.contacts.exporting;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.opencrm.contacts.directory.Directory;

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

    /** The owner's name as the directory knows it, or the id of a user it does not know. */
    static String ownerName(Directory directory, UUID owner) {
        return directory.find(owner).map(member -> String.join(" ", Stream.of(member.lastName(), member.firstName())
                        .filter(part -> part != null && !part.isBlank()).toList()))
                .filter(name -> !name.isEmpty()).orElse(owner.toString());
    }
}
