package org.opencrm.notifications.messaging;

import java.net.http.HttpClient;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.ResourceAccessException;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientResponseException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The adapter of the generic JSON SMS provider API: {@code POST {url}/messages} with
 * {@code Authorization: Bearer <token>} and {@code {"to": "+380...", "text": "...", "from": "..."}}; a 2xx answer
 * {@code {"id": "..."}} names the provider's message. A 4xx answer (but 408 and 429) is a refusal for good; a 5xx,
 * 408, 429 or no answer is worth another try.
 */
@Component
class SmsProvider {

    private final MessagingSettings settings;
    private final JsonMapper json;
    private final RestClient http;

    SmsProvider(MessagingSettings settings, JsonMapper json) {
        this.settings = settings;
        this.json = json;
        var requests = new JdkClientHttpRequestFactory(HttpClient.newBuilder()
                .connectTimeout(settings.sms().timeout()).build());
        requests.setReadTimeout(settings.sms().timeout());
        this.http = RestClient.builder().requestFactory(requests).build();
    }

    /** Sends the text and returns the provider's id of the message. */
    String send(String phone, String text) throws DeliveryException {
        if (!settings.sms().enabled()) {
            throw new DeliveryException("no SMS provider is configured", true, null);
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("to", phone);
        body.put("text", text);
        if (settings.sms().sender() != null && !settings.sms().sender().isBlank()) {
            body.put("from", settings.sms().sender());
        }
        String base = settings.sms().url().endsWith("/") ? settings.sms().url() : settings.sms().url() + "/";
        try {
            String answer = http.post().uri(base + "messages")
                    .headers(headers -> {
                        if (settings.sms().token() != null && !settings.sms().token().isBlank()) {
                            headers.setBearerAuth(settings.sms().token());
                        }
                    })
                    .contentType(MediaType.APPLICATION_JSON)
                    .accept(MediaType.APPLICATION_JSON)
                    .body(json.writeValueAsString(body))
                    .retrieve()
                    .body(String.class);
            JsonNode id = answer == null || answer.isBlank() ? null : json.readTree(answer).get("id");
            return id == null || id.isNull() ? null : id.asString();
        } catch (RestClientResponseException e) {
            HttpStatusCode status = e.getStatusCode();
            boolean permanent = status.is4xxClientError() && status.value() != 408 && status.value() != 429;
            throw new DeliveryException("provider answered " + status.value() + ": " + explanation(e), permanent, e);
        } catch (ResourceAccessException e) {
            throw new DeliveryException("provider not reachable: " + e.getMostSpecificCause().getMessage(), false, e);
        } catch (JacksonException e) {
            // the provider took the message but its answer is not the documented JSON: sent, without its id
            return null;
        }
    }

    private String explanation(RestClientResponseException e) {
        String body = e.getResponseBodyAsString();
        try {
            JsonNode answer = json.readTree(body);
            for (String field : new String[] {"error", "message", "detail"}) {
                if (answer.hasNonNull(field)) {
                    return answer.get(field).asString();
                }
            }
        } catch (JacksonException | IllegalArgumentException notJson) {
            // fall back to the text itself
        }
        return body == null || body.isBlank() ? e.getStatusText() : body.strip();
    }
}
