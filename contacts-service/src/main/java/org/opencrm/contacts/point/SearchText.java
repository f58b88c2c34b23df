package org.opencrm.contacts.point;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The form names are searched in: lower case, accents and other combining marks removed, one space
 * between words. Stored text and typed queries go through the same function, so "Шевченко", "шевченко "
 * and "Ševčenko" meet "шевченко" and "sevcenko".
 */
public final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SPACES = Pattern.compile("\\s+");

    private SearchText() {
    }

    public static String of(String... parts) {
        var text = new StringBuilder();
        for (String part : parts) {
            if (part != null && !part.isBlank()) {
                text.append(part).append(' ');
            }
        }
        String stripped = MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFKD)).replaceAll("");
        return SPACES.matcher(stripped.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
    }
}
