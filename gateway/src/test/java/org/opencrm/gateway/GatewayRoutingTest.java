package org.opencrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import reactor.netty.DisposableServer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The gateway in front of a real HTTP backend standing in for contacts-service, and of one that is down. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GatewayRoutingTest {

    private static final KeyPair TRUSTED = TestJwts.keys();
    private static final Map<String, String> lastRequestHeaders = new ConcurrentHashMap<>();
    private static final Map<String, String> lastWebSocketHandshake = new ConcurrentHashMap<>();
    private static final HttpServer contacts = backend();
    private static final DisposableServer chatSocket = webSocketBackend();
    private static final int DEAD_PORT = freePort();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @DynamicPropertySource
    static void backends(DynamicPropertyRegistry registry) {
        registry.add("CONTACTS_URL", () -> "http://127.0.0.1:" + contacts.getAddress().getPort());
        registry.add("CHAT_WS_URL", () -> "ws://127.0.0.1:" + chatSocket.port());
        registry.add("ANALYTICS_URL", () -> "http://127.0.0.1:" + DEAD_PORT);
        registry.add("crm.security.jwt.public-key",
                () -> TestJwts.publicKey(TRUSTED));
    }

    @AfterAll
    static void stopBackend() {
        contacts.stop(0);
        chatSocket.disposeNow();
    }

    @Test
    void manyRequestsInFlightToOneServiceAllGetThroughRatherThanTheFallback() throws Exception {
        // an exchange posting 100 calls a second has dozens in flight: more than the circuit breaker's default
        // bulkhead (25) let through, which answered the rest 503 and opened the circuit for everyone
        String token = TestJwts.token(TRUSTED, "access");
        var client = HttpClient.newHttpClient();
        held = new java.util.concurrent.CountDownLatch(60);
        var requests = new java.util.ArrayList<java.util.concurrent.CompletableFuture<HttpResponse<String>>>();
        for (int i = 0; i < 60; i++) {
            requests.add(client.sendAsync(HttpRequest.newBuilder(uri("/api/contacts/held"))
                    .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString()));
        }
        var statuses = requests.stream().map(java.util.concurrent.CompletableFuture::join)
                .map(HttpResponse::statusCode).toList();

        assertThat(statuses).hasSize(60).containsOnly(200);
        assertThat(held.getCount()).as("requests that never reached the service").isZero();
    }

    @Test
    void routesAnAuthenticatedRequestToItsServiceWithTheTokenAndWithoutForgedIdentityHeaders() throws Exception {
        String token = TestJwts.token(TRUSTED, "access");
        var response = send(HttpRequest.newBuilder(uri("/api/contacts/42"))
                .header("Authorization", "Bearer " + token)
                .header("X-Tenant-Id", UUID.randomUUID().toString())
                .header("X-User-Id", "admin"));

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("\"path\":\"/api/contacts/42\"");
        assertThat(lastRequestHeaders.get("authorization")).isEqualTo("Bearer " + token);
        assertThat(lastRequestHeaders).doesNotContainKeys("x-tenant-id", "x-user-id");
    }

    @Test
    void tellsTheServiceTheAddressItSawAfterWhateverTheClientClaimed() throws Exception {
        var response = send(HttpRequest.newBuilder(uri("/api/contacts/42"))
                .header("Authorization", "Bearer " + TestJwts.token(TRUSTED, "access"))
                .header("X-Forwarded-For", "203.0.113.9"));

        assertThat(response.statusCode()).isEqualTo(200);
        // services take the right-most address that is not one of their internal proxies
        assertThat(lastRequestHeaders.get("x-forwarded-for")).isEqualTo("203.0.113.9,127.0.0.1");
        assertThat(lastRequestHeaders.get("x-forwarded-proto")).isEqualTo("http");
    }

    @Test
    void carriesAWebSocketToItsServiceWithTheBrowsersTokenAsTheBearerCredential() throws Exception {
        String token = TestJwts.token(TRUSTED, "access");
        var received = new CompletableFuture<String>();
        var socket = HTTP.newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/chat?access_token=" + token), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        received.complete(data.toString());
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);

        socket.sendText("hello", true).get(10, TimeUnit.SECONDS);

        assertThat(received.get(10, TimeUnit.SECONDS)).isEqualTo("echo hello");
        assertThat(lastWebSocketHandshake.get("authorization")).isEqualTo("Bearer " + token);
        assertThat(lastWebSocketHandshake.get("query")).doesNotContain("access_token");
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").get(10, TimeUnit.SECONDS);
    }

    @Test
    void refusesAWebSocketWithoutAValidToken() {
        var none = HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port + "/ws/chat"), new WebSocket.Listener() {
        });
        var forged = HTTP.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + port
                + "/ws/chat?access_token=" + TestJwts.token(TestJwts.keys(), "access")), new WebSocket.Listener() {
                });

        for (var handshake : List.of(none, forged)) {
            assertThatThrownBy(() -> handshake.get(10, TimeUnit.SECONDS)).cause()
                    .isInstanceOfSatisfying(WebSocketHandshakeException.class,
                            refused -> assertThat(refused.getResponse().statusCode()).isEqualTo(401));
        }
    }

    @Test
    void refusesApiRequestsWithoutAValidAccessToken() throws Exception {
        var none = send(HttpRequest.newBuilder(uri("/api/contacts/42")));
        var foreign = send(HttpRequest.newBuilder(uri("/api/contacts/42"))
                .header("Authorization", "Bearer " + TestJwts.token(TestJwts.keys(), "access")));
        var refreshTokenUsedAsAccess = send(HttpRequest.newBuilder(uri("/api/contacts/42"))
                .header("Authorization", "Bearer " + TestJwts.token(TRUSTED, "refresh")));

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(none.headers().firstValue("Content-Type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("application/problem+json"));
        assertThat(none.body()).contains("/problems/unauthorized");
        assertThat(foreign.statusCode()).isEqualTo(401);
        assertThat(refreshTokenUsedAsAccess.statusCode()).isEqualTo(401);
    }

    @Test
    void answersAProblemWhenTheServiceIsDown() throws Exception {
        var response = send(HttpRequest.newBuilder(uri("/api/analytics/counters"))
                .header("Authorization", "Bearer " + TestJwts.token(TRUSTED, "access")));

        assertThat(response.statusCode()).isEqualTo(503);
        assertThat(response.body()).contains("/problems/service-unavailable").contains("analytics");
    }

    @Test
    void servesTheCombinedApiDocumentationWithEachServicesDocumentThroughItsRoute() throws Exception {
        var ui = send(HttpRequest.newBuilder(uri("/webjars/swagger-ui/index.html")));
        var config = send(HttpRequest.newBuilder(uri("/api/docs/gateway/v3/api-docs/swagger-config")));
        var contactsDocument = send(HttpRequest.newBuilder(uri("/api/docs/contacts/v3/api-docs")));

        assertThat(ui.statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri("/api/docs"))).statusCode()).isIn(200, 302);
        assertThat(config.body()).contains("/api/docs/identity/v3/api-docs").contains("/api/docs/notifications/v3/api-docs");
        assertThat(contactsDocument.statusCode()).isEqualTo(200);
        assertThat(contactsDocument.body()).contains("\"path\":\"/v3/api-docs\"");
    }

    @Test
    void refusesBodiesOverTenMegabytes() throws Exception {
        var response = send(HttpRequest.newBuilder(uri("/api/contacts"))
                .header("Authorization", "Bearer " + TestJwts.token(TRUSTED, "access"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[11 * 1024 * 1024])));

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(response.body()).contains("/problems/payload-too-large");
    }

    @Test
    void letsAnImportOfUpToItsServicesLimitThroughButNoMore() throws Exception {
        var import30Mb = send(HttpRequest.newBuilder(uri("/api/contacts/imports"))
                .header("Authorization", "Bearer " + TestJwts.token(TRUSTED, "access"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[30 * 1024 * 1024])));
        var import60Mb = send(HttpRequest.newBuilder(uri("/api/companies/imports"))
                .header("Authorization", "Bearer " + TestJwts.token(TRUSTED, "access"))
                .header("Content-Type", "application/octet-stream")
                .POST(HttpRequest.BodyPublishers.ofByteArray(new byte[60 * 1024 * 1024])));

        // the first reaches the (test) service behind the gateway; the second stops at the gateway
        assertThat(import30Mb.statusCode()).isNotEqualTo(413);
        assertThat(import60Mb.statusCode()).isEqualTo(413);
    }

    @Test
    void answersSecurityHeaders() throws Exception {
        var response = send(HttpRequest.newBuilder(uri("/api/contacts/42"))
                .header("Authorization", "Bearer " + TestJwts.token(TRUSTED, "access")));

        assertThat(response.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(response.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    }

    @Test
    void servesTheWebAppAndItsPagesFromAnyAddress() throws Exception {
        var root = send(HttpRequest.newBuilder(uri("/")));
        var deepLink = send(HttpRequest.newBuilder(uri("/api-keys")));
        var missingFile = send(HttpRequest.newBuilder(uri("/no-such-file.js")));

        assertThat(root.statusCode()).isEqualTo(200);
        assertThat(root.body()).contains("<div id=\"root\"></div>");
        assertThat(deepLink.statusCode()).isEqualTo(200);
        assertThat(deepLink.body()).isEqualTo(root.body());
        assertThat(missingFile.statusCode()).isEqualTo(404);
    }

    @Test
    void healthIsOpen() throws Exception {
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/health/readiness"))).statusCode()).isEqualTo(200);
        assertThat(send(HttpRequest.newBuilder(uri("/actuator/prometheus"))).body())
                .contains("application=\"gateway\"");
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    private static HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }



    /** Stands in for chat-service's socket: answers each message with an echo, and keeps the handshake. */
    private static DisposableServer webSocketBackend() {
        return reactor.netty.http.server.HttpServer.create().host("127.0.0.1").port(0)
                .route(routes -> routes.get("/ws/chat", (request, response) -> {
                    lastWebSocketHandshake.clear();
                    lastWebSocketHandshake.put("authorization", String.valueOf(request.requestHeaders().get("Authorization")));
                    lastWebSocketHandshake.put("query", request.uri());
                    return response.sendWebsocket((in, out) -> out.sendString(in.receive().asString().map(text -> "echo " + text)));
                })).bindNow();
    }

    /** The requests to {@code .../held} still awaited before any of them is answered. */
    private static volatile java.util.concurrent.CountDownLatch held = new java.util.concurrent.CountDownLatch(0);

    private static HttpServer backend() {
        try {
            var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/", exchange -> {
                if (exchange.getRequestURI().getPath().endsWith("/held")) {
                    // answered only once every held request has arrived: they are all in flight at once
                    held.countDown();
                    try {
                        held.await(15, java.util.concurrent.TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                }
                lastRequestHeaders.clear();
                exchange.getRequestHeaders().forEach((name, values) ->
                        lastRequestHeaders.put(name.toLowerCase(), values.getFirst()));
                byte[] body = ("{\"path\":\"" + exchange.getRequestURI().getPath() + "\"}")
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
                exchange.close();
            });
            // each request on a thread of its own, as a service answers many at once
            server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return server;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (var socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
