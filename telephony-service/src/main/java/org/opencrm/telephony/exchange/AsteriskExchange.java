package org.opencrm.telephony.exchange;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.telephony.call.CallEvent;
import org.opencrm.telephony.call.CallEvent.Direction;
import org.opencrm.telephony.call.CallEvent.Type;
import org.opencrm.telephony.config.TelephonyProperties;
import org.opencrm.telephony.exchange.TelephonySettings.Connection;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Asterisk through an AMI-to-HTTP bridge: each AMI event as a JSON object with its AMI header names (one, or an
 * array of them), the way bridges such as a small AMI listener forward them. A call is its {@code Linkedid} (the
 * first channel's {@code Uniqueid}, shared by every channel of the call); only the events below are used, every
 * other event is accepted and ignored:
 * <ul>
 * <li>{@code Newchannel} of the first channel: RINGING. A first channel in an internal context ({@code Context}
 * starting with {@code from-internal}) was dialled from an extension: OUTBOUND, the extension its
 * {@code CallerIDNum}, the client its {@code Exten}; otherwise INBOUND from {@code CallerIDNum} to {@code Exten}.</li>
 * <li>{@code DialBegin}: RINGING on the extension dialled ({@code DestCallerIDNum}, else {@code DestExten}).</li>
 * <li>{@code DialEnd} with {@code DialStatus: ANSWER}, and {@code BridgeEnter} with two channels: ANSWERED.</li>
 * <li>{@code Hangup} of the first channel: ENDED (a hang-up of another leg is not the end of the call).</li>
 * <li>{@code UserEvent} with {@code UserEvent: CallRecording} and {@code RecordingUrl} (raised by the dialplan
 * after MixMonitor): RECORDING.</li>
 * </ul>
 * {@code Timestamp} (AMI's {@code timestampevents=yes}, seconds since 1970) is when it happened; without it, when
 * it arrived. Click to call: ARI {@code POST {exchangeUrl}/ari/channels?endpoint=PJSIP/<ext>&extension=<number>
 * &context=<crm.telephony.asterisk-context>&priority=1}, with the login and password as HTTP basic credentials;
 * the new channel's {@code id} is the call's id.
 */
@Component
class AsteriskExchange implements ExchangeAdapter {

    private static final Pattern CHANNEL_EXTENSION = Pattern.compile("^[A-Za-z0-9]+/(\\d{1,6})-");

    private final JsonMapper json;
    private final Numbers numbers;
    private final TelephonyProperties properties;

    AsteriskExchange(JsonMapper json, Numbers numbers, TelephonyProperties properties) {
        this.json = json;
        this.numbers = numbers;
        this.properties = properties;
    }

    @Override
    public String name() {
        return "asterisk";
    }

    @Override
    public List<CallEvent> read(byte[] body, MediaType contentType) {
        Payloads.Objects objects = Payloads.objects(json, body);
        List<CallEvent> events = new ArrayList<>();
        for (int i = 0; i < objects.items().size(); i++) {
            CallEvent event = event(objects.items().get(i), objects.at(i));
            if (event != null) {
                events.add(event);
            }
        }
        return events;
    }

    private CallEvent event(JsonNode node, String at) {
        String name = Payloads.text(node, "Event");
        if (name == null) {
            throw InvalidFieldsException.of(at + "Event", "is required");
        }
        String uniqueId = Payloads.text(node, "Uniqueid");
        String linkedId = Payloads.text(node, "Linkedid");
        if (uniqueId == null && linkedId == null) {
            throw InvalidFieldsException.of(at + "Linkedid", "is required (or Uniqueid)");
        }
        String callId = linkedId != null ? linkedId : uniqueId;
        boolean first = uniqueId == null || uniqueId.equals(callId);
        String stamp = Payloads.text(node, "Timestamp");
        Instant time = stamp == null ? Instant.now() : Payloads.epochOrTime(stamp, at + "Timestamp");
        String context = Payloads.text(node, "Context");
        String callerNum = Payloads.text(node, "CallerIDNum");
        boolean fromExtension = context != null && context.toLowerCase(Locale.ROOT).startsWith("from-internal");
        String key = "asterisk:" + (uniqueId != null ? uniqueId : callId) + "/" + name + "/"
                + (stamp != null ? stamp : "") + "/" + nullToEmpty(Payloads.text(node, "DestUniqueid"));
        switch (name) {
            case "Newchannel" -> {
                if (!first) {
                    return null;
                }
                String exten = Payloads.text(node, "Exten");
                if (fromExtension) {
                    return new CallEvent(key, callId, Type.RINGING, Direction.OUTBOUND, null,
                            numbers.external(exten, at + "Exten"), Numbers.extension(callerNum), time, null, null);
                }
                return new CallEvent(key, callId, Type.RINGING, Direction.INBOUND,
                        numbers.external(callerNum, at + "CallerIDNum"), numbers.external(exten, at + "Exten"), null,
                        time, null, null);
            }
            case "DialBegin" -> {
                String dialled = dialledExtension(node);
                if (dialled == null && Numbers.extension(callerNum) != null) {
                    // an extension dialling out: the client is the number dialled
                    String number = firstPresent(Payloads.text(node, "DestExten"), dialString(node));
                    return new CallEvent(key, callId, Type.RINGING, Direction.OUTBOUND, null,
                            numbers.external(number, at + "DestExten"), Numbers.extension(callerNum), time, null, null);
                }
                return new CallEvent(key, callId, Type.RINGING, null, null, null, dialled, time, null, null);
            }
            case "DialEnd" -> {
                if (!"ANSWER".equalsIgnoreCase(Payloads.text(node, "DialStatus"))) {
                    return null;
                }
                String dialled = dialledExtension(node);
                return new CallEvent(key, callId, Type.ANSWERED, null, null, null,
                        dialled != null ? dialled : null, time, null, null);
            }
            case "BridgeEnter" -> {
                String channels = Payloads.text(node, "BridgeNumChannels");
                if (channels == null || Payloads.seconds(channels, at + "BridgeNumChannels") < 2) {
                    return null;
                }
                String extension = first ? null : firstPresent(Numbers.extension(callerNum),
                        channelExtension(Payloads.text(node, "Channel")));
                return new CallEvent(key, callId, Type.ANSWERED, null, null, null, extension, time, null, null);
            }
            case "Hangup" -> {
                return first ? new CallEvent(key, callId, Type.ENDED, null, null, null, null, time, null, null) : null;
            }
            case "UserEvent" -> {
                if (!"CallRecording".equalsIgnoreCase(Payloads.text(node, "UserEvent"))) {
                    return null;
                }
                String url = Payloads.text(node, "RecordingUrl");
                if (url == null) {
                    throw InvalidFieldsException.of(at + "RecordingUrl", "is required for a CallRecording event");
                }
                String seconds = Payloads.text(node, "RecordingSeconds");
                return new CallEvent(key, callId, Type.RECORDING, null, null, null, null, time,
                        Payloads.url(url, at + "RecordingUrl"),
                        seconds == null ? null : Payloads.seconds(seconds, at + "RecordingSeconds"));
            }
            default -> {
                return null;
            }
        }
    }

    /** The extension a Dial event rang: the destination's caller id or extension, or its channel's name. */
    private static String dialledExtension(JsonNode node) {
        return firstPresent(Numbers.extension(Payloads.text(node, "DestCallerIDNum")),
                Numbers.extension(Payloads.text(node, "DestExten")),
                channelExtension(Payloads.text(node, "DestChannel")));
    }

    private static String channelExtension(String channel) {
        if (channel == null) {
            return null;
        }
        Matcher matcher = CHANNEL_EXTENSION.matcher(channel);
        return matcher.find() ? matcher.group(1) : null;
    }

    /** The number of a DialString such as {@code 0671234567@trunk} or {@code trunk/0671234567}. */
    private static String dialString(JsonNode node) {
        String dial = Payloads.text(node, "DialString");
        if (dial == null) {
            return null;
        }
        dial = dial.contains("@") ? dial.substring(0, dial.indexOf('@')) : dial;
        return dial.contains("/") ? dial.substring(dial.lastIndexOf('/') + 1) : dial;
    }

    private static String firstPresent(String... values) {
        for (String value : values) {
            if (value != null) {
                return value;
            }
        }
        return null;
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }

    @Override
    public HttpRequest originate(Connection connection, String extension, String number) {
        String query = "endpoint=" + encode("PJSIP/" + extension) + "&extension=" + encode(number) + "&context="
                + encode(properties.asteriskContext()) + "&priority=1&callerId=" + encode(number);
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(connection.exchangeUrl() + "/ari/channels?" + query))
                .header("Accept", "application/json").POST(HttpRequest.BodyPublishers.noBody());
        GenericExchange.basic(request, connection);
        return request.build();
    }

    @Override
    public String originatedCallId(String answer) {
        return answer == null || answer.isBlank() ? null : Payloads.text(json.readTree(answer), "id");
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
