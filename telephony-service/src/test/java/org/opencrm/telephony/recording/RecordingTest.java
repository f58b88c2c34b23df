package org.opencrm.telephony.recording;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TestTokens;
import org.opencrm.telephony.CallTopic;
import org.opencrm.telephony.TestCompany;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/** Recordings: the exchange's streamed through, an uploaded one streamed with ranges, 404 for who may not see. */
@CrmIntegrationTest
class RecordingTest {

    private static WireMockServer exchange;

    @LocalServerPort
    int port;

    @BeforeAll
    static void startExchange() {
        exchange = new WireMockServer(WireMockConfiguration.options().dynamicPort());
        exchange.start();
    }

    @AfterAll
    static void stopExchange() {
        exchange.stop();
    }

    @Test
    void theExchangesRecordingIsStreamedThroughWithRangesToWhoMaySeeTheCall() throws Exception {
        byte[] audio = "RIFF....WAVEfmt the exchange's audio".getBytes(StandardCharsets.US_ASCII);
        exchange.stubFor(get(urlEqualTo("/binotel/record/4482195722.mp3")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "audio/mpeg").withBody(audio)));
        TestCompany company = new TestCompany(port);
        UUID manager = company.hire("MANAGER", null, "901");
        String form = TestCompany.sample("binotel/call-completed-answered.form")
                .replace("http%3A%2F%2F127.0.0.1%3A1", java.net.URLEncoder.encode(exchange.baseUrl(), StandardCharsets.UTF_8));
        HttpResponse<String> posted = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + port + "/api/integrations/telephony/events/binotel"))
                .header("Authorization", "Bearer " + TestTokens.integrationToken(company.tenant, UUID.randomUUID(),
                        "telephony:write"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(posted.statusCode()).as(posted.body()).isEqualTo(202);
        String call = posted.body().replaceAll(".*\"callId\":\"([^\"]+)\".*", "$1");

        HttpResponse<byte[]> played = company.as(manager, "MANAGER").getBytes("/api/telephony/calls/" + call + "/recording");
        assertThat(played.statusCode()).isEqualTo(200);
        assertThat(played.body()).isEqualTo(audio);
        assertThat(played.headers().firstValue("Content-Type")).contains("audio/mpeg");

        // a player seeking: the range goes to the exchange and its partial answer comes back as it was
        exchange.stubFor(get(urlEqualTo("/binotel/record/4482195722.mp3")).withHeader("Range", equalTo("bytes=4-11"))
                .willReturn(aResponse().withStatus(206).withHeader("Content-Type", "audio/mpeg")
                        .withHeader("Content-Range", "bytes 4-11/" + audio.length)
                        .withBody(java.util.Arrays.copyOfRange(audio, 4, 12))));
        HttpResponse<byte[]> seeked = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/api/telephony/calls/" + call + "/recording"))
                .header("Authorization", "Bearer " + TestTokens.accessToken(company.tenant, manager, "MANAGER"))
                .header("Range", "bytes=4-11").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(seeked.statusCode()).isEqualTo(206);
        assertThat(seeked.headers().firstValue("Content-Range")).contains("bytes 4-11/" + audio.length);
        assertThat(seeked.headers().firstValue("Accept-Ranges")).contains("bytes");
        assertThat(new String(seeked.body(), StandardCharsets.US_ASCII)).isEqualTo("....WAVE");

        UUID stranger = company.hire("MANAGER", null, null);
        assertThat(company.as(stranger, "MANAGER").getBytes("/api/telephony/calls/" + call + "/recording").statusCode())
                .isEqualTo(404);
        assertThat(new TestCompany(port).admin().getBytes("/api/telephony/calls/" + call + "/recording").statusCode())
                .isEqualTo(404);
    }

    @Test
    void anUploadedRecordingIsStoredAndStreamedWithRangesOnlyToWhoMaySeeTheCall() throws Exception {
        TestCompany company = new TestCompany(port);
        UUID manager = company.hire("MANAGER", null, "111");
        UUID other = company.hire("MANAGER", null, "112");
        UUID client = company.contact("Olena", "Kovalenko", manager, false, "+380671234567");
        var answered = company.exchange().post("/api/integrations/telephony/events/generic", """
                [{"eventId": "r-1", "callId": "rec-1", "type": "ANSWERED", "from": "+380671234567", "to": "0441234567",
                  "extension": "111", "occurredAt": "2026-11-27T10:00:07Z"},
                 {"eventId": "r-2", "callId": "rec-1", "type": "ENDED", "occurredAt": "2026-11-27T10:01:07Z"}]""");
        String call = answered.json().get("callId").asString();
        assertThat(company.as(manager, "MANAGER").getBytes("/api/telephony/calls/" + call + "/recording").statusCode())
                .as("none yet").isEqualTo(404);

        byte[] audio = new byte[700_000];
        for (int i = 0; i < audio.length; i++) {
            audio[i] = (byte) (i % 251);
        }
        assertThat(upload(TestTokens.accessToken(company.tenant, other, "MANAGER"), call, "audio/mpeg", audio))
                .as("a colleague who may not see the call").isEqualTo(404);
        assertThat(upload(TestTokens.accessToken(company.tenant, manager, "MANAGER"), call, "text/plain", audio)).isEqualTo(400);
        try (CallTopic topic = new CallTopic()) {
            assertThat(upload(TestTokens.accessToken(company.tenant, manager, "MANAGER"), call, "audio/mpeg", audio)).isEqualTo(201);
            JsonNode available = topic.await(call, "call.recording-available");
            assertThat(available.get("source").asString()).isEqualTo("STORED");
            assertThat(available.get("contactId").asString()).isEqualTo(client.toString());
        }

        HttpResponse<byte[]> whole = company.as(manager, "MANAGER").getBytes("/api/telephony/calls/" + call + "/recording");
        assertThat(whole.statusCode()).isEqualTo(200);
        assertThat(whole.body()).isEqualTo(audio);
        assertThat(whole.headers().firstValue("Accept-Ranges")).contains("bytes");

        HttpResponse<byte[]> part = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/api/telephony/calls/" + call + "/recording"))
                .header("Authorization", "Bearer " + TestTokens.accessToken(company.tenant, manager, "MANAGER"))
                .header("Range", "bytes=300000-300099").GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(part.statusCode()).isEqualTo(206);
        assertThat(part.headers().firstValue("Content-Range")).contains("bytes 300000-300099/700000");
        assertThat(part.body()).isEqualTo(java.util.Arrays.copyOfRange(audio, 300000, 300100));

        assertThat(company.as(other, "MANAGER").getBytes("/api/telephony/calls/" + call + "/recording").statusCode())
                .isEqualTo(404);
        assertThat(company.admin().get("/api/telephony/calls/" + call).json().get("hasRecording").asBoolean()).isTrue();
    }

    private int upload(String token, String call, String type, byte[] content) throws Exception {
        String boundary = "crm-" + UUID.randomUUID();
        byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"call.mp3\"\r\n"
                + "Content-Type: " + type + "\r\n\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + port + "/api/telephony/calls/" + call + "/recording"))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, content, tail))).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }
}
