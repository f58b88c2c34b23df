package org.opencrm.telephony.exchange;

import java.net.URI;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.telephony.call.CallEvent;
import org.opencrm.telephony.call.CallEvent.Direction;
import org.opencrm.telephony.call.CallEvent.Type;
import org.opencrm.telephony.exchange.TelephonySettings.Connection;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The CRM's own documented JSON format (docs/telephony-and-notifications.md): one event, or an array of them,
 * {@code {eventId, callId, type, direction, from, to, extension, occurredAt, recordingUrl}}. Click to call:
 * {@code POST {exchangeUrl}/originate} with {@code {"extension", "number"}}, answered with the exchange's
 * {@code {"callId"}}.
 */
@Component
class GenericExchange implements ExchangeAdapter {

    private final JsonMapper json;
    private final Numbers numbers;

    GenericExchange(JsonMapper json, Numbers numbers) {
        this.json = json;
        this.numbers = numbers;
    }

    @Override
    public String name() {
        return "generic";
    }

    @Override
    public List<CallEvent> read(byte[] body, MediaType contentType) {
        Payloads.Objects objects = Payloads.objects(json, body);
        List<CallEvent> events = new ArrayList<>();
        for (int i = 0; i < objects.items().size(); i++) {
            events.add(event(objects.items().get(i), objects.at(i)));
        }
        return events;
    }

    private CallEvent event(JsonNode node, String at) {
        String callId = Payloads.text(node, "callId");
        if (callId == null || callId.length() > 150) {
            throw InvalidFieldsException.of(at + "callId", "is required (at most 150 characters)");
        }
        Type type = enumValue(Type.class, Payloads.text(node, "type"), at + "type", true);
        Direction direction = enumValue(Direction.class, Payloads.text(node, "direction"), at + "direction", false);
        String occurred = Payloads.text(node, "occurredAt");
        if (occurred == null) {
            throw InvalidFieldsException.of(at + "occurredAt", "is required");
        }
        Instant time = Payloads.time(occurred, at + "occurredAt");
        String from = numbers.external(Payloads.text(node, "from"), at + "from");
        String to = numbers.external(Payloads.text(node, "to"), at + "to");
        String extension = Payloads.text(node, "extension");
        if (extension == null && direction == Direction.OUTBOUND) {
            extension = Numbers.extension(Payloads.text(node, "from"));
        }
        if (extension != null && extension.length() > 40) {
            throw InvalidFieldsException.of(at + "extension", "must have at most 40 characters");
        }
        String recording = Payloads.text(node, "recordingUrl");
        if (type == Type.RECORDING && recording == null) {
            throw InvalidFieldsException.of(at + "recordingUrl", "is required for a RECORDING event");
        }
        if (recording != null) {
            recording = Payloads.url(recording, at + "recordingUrl");
        }
        Integer recordingSeconds = node.has("recordingSeconds") && !node.get("recordingSeconds").isNull()
                ? Payloads.seconds(Payloads.text(node, "recordingSeconds"), at + "recordingSeconds") : null;
        String eventId = Payloads.text(node, "eventId");
        String key = "generic:" + (eventId != null ? eventId : callId + "/" + type + "/" + time);
        if (key.length() > 300) {
            throw InvalidFieldsException.of(at + "eventId", "must have at most 250 characters");
        }
        return new CallEvent(key, callId, type, direction, from, to, extension, time,
                type == Type.RECORDING ? recording : null, recordingSeconds);
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String value, String field, boolean required) {
        if (value == null) {
            if (required) {
                throw InvalidFieldsException.of(field, "is required");
            }
            return null;
        }
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw InvalidFieldsException.of(field, "must be one of " + java.util.Arrays.toString(type.getEnumConstants()));
        }
    }

    @Override
    public HttpRequest originate(Connection connection, String extension, String number) {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("extension", extension);
        body.put("number", number);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(connection.exchangeUrl() + "/originate"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body)));
        basic(request, connection);
        return request.build();
    }

    @Override
    public String originatedCallId(String answer) {
        if (answer == null || answer.isBlank()) {
            return null;
        }
        return Payloads.text(json.readTree(answer), "callId");
    }

    static void basic(HttpRequest.Builder request, Connection connection) {
        if (connection.login() != null) {
            String pair = connection.login() + ":" + (connection.password() == null ? "" : connection.password());
            request.header("Authorization",
                    "Basic " + Base64.getEncoder().encodeToString(pair.getBytes(StandardCharsets.UTF_8)));
        }
    }
}
