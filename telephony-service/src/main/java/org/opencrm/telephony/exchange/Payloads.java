package org.opencrm.telephony.exchange;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reading the exchanges' requests: JSON objects or arrays of them, form-encoded bodies, times and addresses. */
final class Payloads {

    static final int MAX_EVENTS = 100;

    private Payloads() {
    }

    /** The JSON objects of a body, and the prefix of each one's field names in problems ({@code [2].}). */
    record Objects(List<JsonNode> items, boolean array) {

        String at(int index) {
            return array ? "[" + index + "]." : "";
        }
    }

    /** The JSON objects of the body: one object, or an array of 1 to {@value #MAX_EVENTS}. */
    static Objects objects(JsonMapper json, byte[] body) {
        if (body == null || body.length == 0) {
            throw InvalidFieldsException.of("body", "is required");
        }
        JsonNode tree;
        try {
            tree = json.readTree(body);
        } catch (JacksonException e) {
            throw InvalidFieldsException.of("body", "is not valid JSON");
        }
        List<JsonNode> objects = new ArrayList<>();
        if (tree != null && tree.isObject()) {
            objects.add(tree);
        } else if (tree != null && tree.isArray() && !tree.isEmpty() && tree.size() <= MAX_EVENTS) {
            for (int i = 0; i < tree.size(); i++) {
                if (!tree.get(i).isObject()) {
                    throw InvalidFieldsException.of("[" + i + "]", "must be a JSON object");
                }
                objects.add(tree.get(i));
            }
        } else {
            throw InvalidFieldsException.of("body", "must be a JSON object or an array of 1 to " + MAX_EVENTS);
        }
        return new Objects(objects, tree.isArray());
    }

    /** The field's text (a number as its digits), or null when absent, null or blank. */
    static String text(JsonNode node, String name) {
        JsonNode value = node.get(name);
        if (value == null || value.isNull() || value.isContainer()) {
            return null;
        }
        String text = value.asString();
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A form-encoded body as its fields, in order (PHP-style names such as {@code callDetails[billsec]} kept). */
    static Map<String, String> form(byte[] body) {
        Map<String, String> fields = new LinkedHashMap<>();
        String text = new String(body, StandardCharsets.UTF_8);
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            try {
                String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                fields.put(name, value);
            } catch (IllegalArgumentException e) {
                throw InvalidFieldsException.of("body", "is not a valid form-encoded body");
            }
        }
        return fields;
    }

    /** An RFC 3339 time. */
    static Instant time(String value, String field) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            throw InvalidFieldsException.of(field, "must be an RFC 3339 time");
        }
    }

    /** Seconds since 1970, possibly with a fraction (AMI's {@code Timestamp: 1764237600.123456}), or RFC 3339. */
    static Instant epochOrTime(String value, String field) {
        if (value.matches("\\d{9,11}(\\.\\d{1,9})?")) {
            BigDecimal seconds = new BigDecimal(value);
            return Instant.ofEpochSecond(seconds.longValue(),
                    seconds.remainder(BigDecimal.ONE).movePointRight(9).longValue());
        }
        return time(value, field);
    }

    static int seconds(String value, String field) {
        if (value == null) {
            return 0;
        }
        try {
            int seconds = Integer.parseInt(value);
            if (seconds < 0) {
                throw new NumberFormatException();
            }
            return seconds;
        } catch (NumberFormatException e) {
            throw InvalidFieldsException.of(field, "must be a whole number of seconds");
        }
    }

    /** An http(s) address, or 400 on the field. */
    static String url(String value, String field) {
        try {
            URI uri = URI.create(value);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
                    && value.length() <= 2000) {
                return value;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw InvalidFieldsException.of(field, "must be an http or https address");
    }
}
