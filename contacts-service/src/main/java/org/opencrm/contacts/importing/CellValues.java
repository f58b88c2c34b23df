package org.opencrm.contacts.importing;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.opencrm.contacts.contact.ContactStatus;

/**
 * How the text of a cell becomes a value of the card: dates as ISO or as Ukrainian and Russian lists write
 * them (day first), yes/no in three languages, statuses by name or their usual words, lists split at commas,
 * semicolons and line breaks.
 */
final class CellValues {

    private static final Pattern LIST_SEPARATOR = Pattern.compile("[,;\\n\\r]+");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Strict, so that 31.02.1990 is no date rather than quietly the 28th. */
    private static final List<DateTimeFormatter> DAY_FIRST = List.of(
            DateTimeFormatter.ofPattern("d.M.uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d/M/uuuu").withResolverStyle(ResolverStyle.STRICT),
            DateTimeFormatter.ofPattern("d-M-uuuu").withResolverStyle(ResolverStyle.STRICT));
    private static final Map<String, Boolean> YES_NO = Map.ofEntries(
            Map.entry("true", true), Map.entry("yes", true), Map.entry("y", true), Map.entry("1", true),
            Map.entry("+", true), Map.entry("так", true), Map.entry("да", true), Map.entry("vip", true),
            Map.entry("false", false), Map.entry("no", false), Map.entry("n", false), Map.entry("0", false),
            Map.entry("-", false), Map.entry("ні", false), Map.entry("нет", false));
    private static final Map<String, ContactStatus> STATUSES = Map.ofEntries(
            Map.entry("lead", ContactStatus.LEAD), Map.entry("лід", ContactStatus.LEAD),
            Map.entry("лид", ContactStatus.LEAD), Map.entry("новий", ContactStatus.LEAD),
            Map.entry("новый", ContactStatus.LEAD), Map.entry("потенційний", ContactStatus.LEAD),
            Map.entry("потенциальный", ContactStatus.LEAD),
            Map.entry("active", ContactStatus.ACTIVE), Map.entry("активний", ContactStatus.ACTIVE),
            Map.entry("активный", ContactStatus.ACTIVE), Map.entry("клієнт", ContactStatus.ACTIVE),
            Map.entry("клиент", ContactStatus.ACTIVE),
            Map.entry("former", ContactStatus.FORMER), Map.entry("колишній", ContactStatus.FORMER),
            Map.entry("бывший", ContactStatus.FORMER), Map.entry("неактивний", ContactStatus.FORMER),
            Map.entry("неактивный", ContactStatus.FORMER));

    private CellValues() {
    }

    /** The parts of a cell holding several values ("067 111 22 33; 050 444 55 66"). */
    static List<String> list(String cell) {
        List<String> parts = new ArrayList<>();
        for (String part : LIST_SEPARATOR.split(cell)) {
            String stripped = part.strip();
            if (!stripped.isEmpty()) {
                parts.add(stripped);
            }
        }
        return parts;
    }

    /** The words of a name cell. */
    static String[] words(String cell) {
        return SPACES.split(cell.strip());
    }

    /** 1990-04-12, 12.04.1990, 12/04/1990 (day first) or an Excel date cell's 1990-04-12T00:00. */
    static Optional<LocalDate> date(String cell) {
        String text = cell.strip();
        try {
            if (text.length() > 10 && text.charAt(10) == 'T') {
                return Optional.of(LocalDateTime.parse(text).toLocalDate());
            }
            return Optional.of(LocalDate.parse(text));
        } catch (DateTimeParseException notIso) {
            for (DateTimeFormatter format : DAY_FIRST) {
                try {
                    return Optional.of(LocalDate.parse(text, format));
                } catch (DateTimeParseException notThis) {
                    // the next format
                }
            }
            return Optional.empty();
        }
    }

    static Optional<Boolean> yesNo(String cell) {
        return Optional.ofNullable(YES_NO.get(cell.strip().toLowerCase(Locale.ROOT)));
    }

    static Optional<ContactStatus> status(String cell) {
        return Optional.ofNullable(STATUSES.get(cell.strip().toLowerCase(Locale.ROOT)));
    }
}
