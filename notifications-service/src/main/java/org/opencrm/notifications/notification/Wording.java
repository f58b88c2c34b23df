package org.opencrm.notifications.notification;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/**
 * The words of notifications in English, Russian and Ukrainian ({@code wording/notifications_<lang>.properties},
 * UTF-8): {@code <key>.title} and optionally {@code <key>.body}, with {@code {name}} placeholders. A notification
 * is written once, in its recipient's language when it is made. A value {@code @word} is a word of the language.
 */
@Component
class Wording {

    private static final List<String> LANGUAGES = List.of("en", "ru", "uk");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    private final Map<String, Properties> languages = new ConcurrentHashMap<>();

    record Text(String title, String body) {
    }

    /** The title and body of a notification; without a body text the value {@code body} is the body. */
    Text write(String key, String language, Map<String, String> values) {
        Properties words = words(LANGUAGES.contains(language) ? language : "en");
        String title = fill(words.getProperty(key + ".title", key), values, words);
        String body = words.containsKey(key + ".body") ? fill(words.getProperty(key + ".body"), values, words)
                : values.get("body");
        return new Text(shorten(title, 300), body == null ? null : shorten(body, 1000));
    }

    private Properties words(String language) {
        return languages.computeIfAbsent(language, lang -> {
            try (InputStream in = Wording.class.getResourceAsStream("/wording/notifications_" + lang + ".properties")) {
                var words = new Properties();
                words.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                return words;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** A value {@code @word} is that word in the language (such as {@code @someone}: "A colleague"). */
    private static String fill(String text, Map<String, String> values, Properties words) {
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.get(matcher.group(1));
            if (value != null && value.startsWith("@")) {
                value = words.getProperty(value.substring(1), value.substring(1));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        matcher.appendTail(out);
        return out.toString().replaceAll("\\s+([.,:])", "$1").strip();
    }

    private static String shorten(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max - 1) + "…";
    }
}
