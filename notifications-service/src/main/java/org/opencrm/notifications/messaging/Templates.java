package org.opencrm.notifications.messaging;

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
 * The texts of e-mails and SMS, one UTF-8 properties file per template and language under {@code messages/}
 * ({@code invitation_uk.properties}: {@code subject} and {@code body}; an SMS template has {@code text}).
 * {@code {name}} in a text is replaced by the value of that name; an unknown language falls back to English.
 */
@Component
class Templates {

    static final List<String> LANGUAGES = List.of("en", "ru", "uk");
    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-zA-Z]+)}");

    private final Map<String, Properties> loaded = new ConcurrentHashMap<>();

    /** A message written out. */
    record Text(String subject, String body) {
    }

    static String language(String wanted) {
        return wanted != null && LANGUAGES.contains(wanted.toLowerCase()) ? wanted.toLowerCase() : "en";
    }

    Text email(String template, String language, Map<String, String> values) {
        Properties texts = texts(template, language);
        return new Text(fill(texts.getProperty("subject"), values), fill(texts.getProperty("body"), values));
    }

    String sms(String template, String language, Map<String, String> values) {
        return fill(texts("sms-" + template, language).getProperty("text"), values);
    }

    private Properties texts(String template, String language) {
        return loaded.computeIfAbsent(template + "_" + language(language), name -> {
            try (InputStream in = Templates.class.getResourceAsStream("/messages/" + name + ".properties")) {
                if (in == null) {
                    throw new IllegalArgumentException("No message template " + name);
                }
                var properties = new Properties();
                properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                return properties;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static String fill(String text, Map<String, String> values) {
        if (text == null) {
            return null;
        }
        Matcher matcher = PLACEHOLDER.matcher(text);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String value = values.getOrDefault(matcher.group(1), "");
            matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? "" : value));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
