package org.opencrm.telephony.exchange;

import java.net.URI;
import java.net.http.HttpRequest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
 * Binotel's call-tracking webhook, form-encoded as Binotel posts it ({@code requestType=apiCallCompleted&
 * callDetails[generalCallID]=...}) or the same fields as JSON. A call is its {@code generalCallID}:
 * <ul>
 * <li>{@code receivedTheCall}: RINGING ({@code callType} 0 incoming from {@code externalNumber} to
 * {@code pbxNumber}, 1 outgoing from {@code internalNumber} to {@code externalNumber}).</li>
 * <li>{@code answeredTheCall}: ANSWERED by {@code internalNumber}.</li>
 * <li>{@code apiCallCompleted}: the whole call from {@code callDetails}: it rang from {@code startTime} (seconds
 * since 1970) for {@code waitsec}, was answered when {@code disposition} is ANSWER (or TRANSFER with
 * {@code billsec} > 0) and talked {@code billsec}; ENDED after that; {@code linkToCallRecordInMyBusiness} is
 * its recording.</li>
 * </ul>
 * Other request types (e.g. {@code apiCallSettings}) are accepted and ignored. A field is looked up under
 * {@code callDetails} first, then at the top. Without {@code startTime}, ringing and answering happened when the
 * request arrived. Click to call: {@code POST {exchangeUrl|https://api.binotel.com}/api/4.0/calls/ext-to-phone.json}
 * with {@code {"key", "secret", "ext_number", "phone_number"}} (the login and password are Binotel's API key
 * and secret); the answer's {@code generalCallID} is the call's id.
 */
@Component
class BinotelExchange implements ExchangeAdapter {

    static final String DEFAULT_URL = "https://api.binotel.com";

    private final JsonMapper json;
    private final Numbers numbers;

    BinotelExchange(JsonMapper json, Numbers numbers) {
        this.json = json;
        this.numbers = numbers;
    }

    @Override
    public String name() {
        return "binotel";
    }

    @Override
    public List<CallEvent> read(byte[] body, MediaType contentType) {
        Map<String, String> fields;
        if (contentType != null && MediaType.APPLICATION_FORM_URLENCODED.includes(contentType)) {
            if (body == null || body.length == 0) {
                throw InvalidFieldsException.of("body", "is required");
            }
            fields = Payloads.form(body);
        } else {
            Payloads.Objects objects = Payloads.objects(json, body);
            if (objects.array()) {
                throw InvalidFieldsException.of("body", "must be one JSON object");
            }
            fields = new LinkedHashMap<>();
            flatten("", objects.items().getFirst(), fields);
        }
        return events(new Fields(fields));
    }

    /** The request's fields by name, {@code callDetails[name]} before {@code name}. */
    private record Fields(Map<String, String> all) {

        String get(String name) {
            String value = all.get("callDetails[" + name + "]");
            if (value == null) {
                value = all.get(name);
            }
            return value == null || value.isBlank() ? null : value.strip();
        }
    }

    private List<CallEvent> events(Fields fields) {
        String type = fields.get("requestType");
        if (type == null) {
            throw InvalidFieldsException.of("requestType", "is required");
        }
        if (!List.of("receivedTheCall", "answeredTheCall", "apiCallCompleted").contains(type)) {
            return List.of();
        }
        String callId = fields.get("generalCallID");
        if (callId == null || callId.length() > 150) {
            throw InvalidFieldsException.of("generalCallID", "is required (at most 150 characters)");
        }
        String callType = fields.get("callType");
        if (callType != null && !callType.equals("0") && !callType.equals("1")) {
            throw InvalidFieldsException.of("callType", "must be 0 (incoming) or 1 (outgoing)");
        }
        Direction direction = "1".equals(callType) ? Direction.OUTBOUND : callType == null ? null : Direction.INBOUND;
        String external = numbers.external(fields.get("externalNumber"), "externalNumber");
        String pbx = numbers.external(firstPresent(fields.get("pbxNumber"),
                fields.all().get("callDetails[pbxNumberData][number]"), fields.all().get("pbxNumberData[number]")), "pbxNumber");
        String extension = Numbers.extension(fields.get("internalNumber"));
        String caller = direction == Direction.OUTBOUND ? null : external;
        String called = direction == Direction.OUTBOUND ? external : pbx;
        String start = fields.get("startTime");
        Instant startedAt = start == null ? null : Payloads.epochOrTime(start, "startTime");
        String key = "binotel:" + callId + "/" + type;
        List<CallEvent> events = new ArrayList<>();
        switch (type) {
            case "receivedTheCall" -> events.add(new CallEvent(key, callId, Type.RINGING, direction, caller, called,
                    extension, startedAt != null ? startedAt : Instant.now(), null, null));
            case "answeredTheCall" -> events.add(new CallEvent(key, callId, Type.ANSWERED, direction, caller, called,
                    extension, Instant.now(), null, null));
            default -> {
                if (startedAt == null) {
                    throw InvalidFieldsException.of("startTime", "is required");
                }
                int wait = Payloads.seconds(fields.get("waitsec"), "waitsec");
                int talk = Payloads.seconds(fields.get("billsec"), "billsec");
                String disposition = fields.get("disposition");
                if (disposition == null) {
                    throw InvalidFieldsException.of("disposition", "is required");
                }
                boolean answered = disposition.equalsIgnoreCase("ANSWER")
                        || disposition.equalsIgnoreCase("TRANSFER") && talk > 0;
                events.add(new CallEvent(key + "/ringing", callId, Type.RINGING, direction, caller, called, extension,
                        startedAt, null, null));
                Instant answeredAt = startedAt.plusSeconds(wait);
                if (answered) {
                    events.add(new CallEvent(key + "/answered", callId, Type.ANSWERED, direction, caller, called,
                            extension, answeredAt, null, null));
                }
                events.add(new CallEvent(key + "/ended", callId, Type.ENDED, direction, caller, called, extension,
                        answered ? answeredAt.plusSeconds(talk) : answeredAt, null, null));
                String link = fields.get("linkToCallRecordInMyBusiness");
                if (answered && link != null) {
                    events.add(new CallEvent(key + "/recording", callId, Type.RECORDING, direction, caller, called,
                            extension, answeredAt.plusSeconds(talk), Payloads.url(link, "linkToCallRecordInMyBusiness"),
                            talk));
                }
            }
        }
        return events;
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> into) {
        node.properties().forEach(field -> {
            String name = prefix.isEmpty() ? field.getKey() : prefix + "[" + field.getKey() + "]";
            JsonNode value = field.getValue();
            if (value.isObject()) {
                flatten(name, value, into);
            } else if (!value.isNull() && !value.isArray()) {
                into.put(name, value.asString());
            }
        });
    }

    private static String firstPresent(String... values) {
        for (String value : values) {
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    @Override
    public HttpRequest originate(Connection connection, String extension, String number) {
        String base = connection.exchangeUrl() != null ? connection.exchangeUrl() : DEFAULT_URL;
        Map<String, String> body = new LinkedHashMap<>();
        body.put("key", connection.login());
        body.put("secret", connection.password());
        body.put("ext_number", extension);
        body.put("phone_number", number.startsWith("+") ? number.substring(1) : number);
        return HttpRequest.newBuilder(URI.create(base + "/api/4.0/calls/ext-to-phone.json"))
                .header("Content-Type", "application/json").header("Accept", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(json.writeValueAsBytes(body))).build();
    }

    @Override
    public String originatedCallId(String answer) {
        if (answer == null || answer.isBlank()) {
            return null;
        }
        JsonNode tree = json.readTree(answer);
        if (!"success".equalsIgnoreCase(Payloads.text(tree, "status"))) {
            throw new IllegalStateException("Binotel refused the call: " + Payloads.text(tree, "message"));
        }
        return Payloads.text(tree, "generalCallID");
    }
}
