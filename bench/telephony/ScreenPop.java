import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Screen-pop latency: from the moment the exchange's webhook POST leaves to the moment the {@code call.ringing}
 * frame arrives on the user's open WebSocket, both through the gateway. Calls ring on one extension at a fixed
 * rate; each call comes from one of the given caller numbers (contacts, so the pop-up carries their card) and
 * goes to a line number of its own, by which its frame is recognised.
 *
 *   java ScreenPop.java <gateway> <access-token> <api-key> <extension> <calls-per-second> <seconds> <label>
 *       <line-prefix> <caller-number>...
 *
 * line-prefix: digits are appended per call up to the 13 characters of a Ukrainian number, e.g. +3804421 gives
 * +380442100001 (a valid Kyiv number, as the service normalises it); one prefix per run.
 * Prints the count, p50, p95, p99 and max in milliseconds, and the calls whose frame never came within 5 s.
 * Before measuring, the driver rings SCREENPOP_LEAD_SECONDS (default 5) at the same rate without measuring them:
 * the first calls of a fresh driver JVM wait for its own JIT and connections, not for the suite.
 */
public class ScreenPop {

    private static final Pattern RINGING = Pattern.compile("\"type\"\\s*:\\s*\"call\\.ringing\"");
    private static final Pattern CALLED = Pattern.compile("\"calledNumber\"\\s*:\\s*\"(\\+\\d+)\"");
    private static final Pattern CARD = Pattern.compile("\"callers\"\\s*:\\s*\\[\\s*\\{");

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String token = args[1];
        String key = args[2];
        String extension = args[3];
        int rate = Integer.parseInt(args[4]);
        int seconds = Integer.parseInt(args[5]);
        String label = args[6];
        String linePrefix = args[7];
        List<String> callers = List.of(args).subList(8, args.length);
        int calls = rate * seconds;

        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5))
                .executor(Executors.newFixedThreadPool(4)).build();
        Map<String, Long> sent = new ConcurrentHashMap<>();
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        // each popped call's send time (since the first) and latency, for the tail over time
        List<long[]> timeline = Collections.synchronizedList(new ArrayList<>());
        long[] firstSent = {0};
        AtomicInteger withCard = new AtomicInteger();
        AtomicInteger httpErrors = new AtomicInteger();
        CountDownLatch all = new CountDownLatch(calls);

        WebSocket.Listener listener = new WebSocket.Listener() {
            private final StringBuilder frame = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
                frame.append(data);
                if (last) {
                    long now = System.nanoTime();
                    String text = frame.toString();
                    frame.setLength(0);
                    Matcher called = CALLED.matcher(text);
                    if (RINGING.matcher(text).find() && called.find()) {
                        Long at = sent.remove(called.group(1));
                        if (at != null) {
                            latencies.add(now - at);
                            timeline.add(new long[] {at - firstSent[0], now - at});
                            if (CARD.matcher(text).find()) {
                                withCard.incrementAndGet();
                            }
                            all.countDown();
                        }
                    }
                }
                socket.request(1);
                return null;
            }
        };
        String ws = gateway.replaceFirst("^http", "ws") + "/ws/notifications?access_token=" + token;
        WebSocket socket = http.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5))
                .buildAsync(URI.create(ws), listener).get(10, TimeUnit.SECONDS);

        // the driver's lead-in: calls at the same rate whose frames are not measured, so that the driver's own
        // JIT and connections are warm when measuring starts (its line numbers follow the measured ones')
        int lead = Integer.parseInt(System.getenv().getOrDefault("SCREENPOP_LEAD_SECONDS", "5")) * rate;
        ring(http, gateway, key, extension, rate, label + "-lead", linePrefix, calls, lead, callers, null, httpErrors);
        long started = System.nanoTime();
        long startedWall = System.currentTimeMillis();
        firstSent[0] = started;
        ring(http, gateway, key, extension, rate, label, linePrefix, 0, calls, callers, sent, httpErrors);
        double sendSeconds = (System.nanoTime() - started) / 1e9;
        all.await(5, TimeUnit.SECONDS);
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done").exceptionally(e -> null).get(2, TimeUnit.SECONDS);

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%-16s calls=%d in %.1f s (%d/s asked)  popped=%d (with the contact's card %d)  "
                        + "p50=%.1f ms  p95=%.1f ms  p99=%.1f ms  max=%.1f ms  missing=%d  http-errors=%d%n",
                label, calls, sendSeconds, rate, sorted.size(), withCard.get(), ms(sorted, 0.50), ms(sorted, 0.95),
                ms(sorted, 0.99), sorted.isEmpty() ? Double.NaN : sorted.getLast() / 1e6, sent.size(),
                httpErrors.get());
        int window = Integer.parseInt(System.getenv().getOrDefault("SCREENPOP_WINDOW_SECONDS", "0"));
        if (window > 0) {  // where in the run the slow pops were: each window's p50, p99 and max
            Map<Long, List<Long>> windows = new java.util.TreeMap<>();
            for (long[] pop : new ArrayList<>(timeline)) {
                windows.computeIfAbsent(pop[0] / (window * 1_000_000_000L), w -> new ArrayList<>()).add(pop[1]);
            }
            windows.forEach((w, pops) -> {
                Collections.sort(pops);
                System.out.printf("  %3d-%3d s  pops=%4d  p50=%6.1f  p99=%6.1f  max=%6.1f ms%n", w * window,
                        (w + 1) * window, pops.size(), ms(pops, 0.5), ms(pops, 0.99), pops.getLast() / 1e6);
            });
        }
        int slowest = Integer.parseInt(System.getenv().getOrDefault("SCREENPOP_SLOWEST", "0"));
        if (slowest > 0) {  // when the slowest pops were sent (UTC), to hold against GC and CPU logs
            List<long[]> pops = new ArrayList<>(timeline);
            pops.sort((a, b) -> Long.compare(b[1], a[1]));
            for (long[] pop : pops.subList(0, Math.min(slowest, pops.size()))) {
                System.out.printf("  slow: sent %s  %.1f ms%n",
                        Instant.ofEpochMilli(startedWall + pop[0] / 1_000_000), pop[1] / 1e6);
            }
        }
        System.exit(sent.isEmpty() && httpErrors.get() == 0 ? 0 : 1);
    }

    /** Rings {@code count} calls at the rate, numbered from {@code from}; measured ones go into {@code sent}. */
    private static void ring(HttpClient http, String gateway, String key, String extension, int rate, String label,
            String linePrefix, int from, int count, List<String> callers, Map<String, Long> sent,
            AtomicInteger httpErrors) throws InterruptedException {
        var clock = Executors.newSingleThreadScheduledExecutor();
        long periodNanos = 1_000_000_000L / rate;
        AtomicInteger next = new AtomicInteger();
        CountDownLatch posted = new CountDownLatch(1);
        clock.scheduleAtFixedRate(() -> {
            int i = next.getAndIncrement();
            if (i >= count) {
                posted.countDown();
                throw new IllegalStateException("done"); // ends the schedule
            }
            int n = from + i;
            String line = linePrefix + String.format("%0" + (13 - linePrefix.length()) + "d", n + 1);
            String body = """
                    {"eventId": "%s-%d-r", "callId": "%s-%d", "type": "RINGING", "direction": "INBOUND",
                     "from": "%s", "to": "%s", "extension": "%s", "occurredAt": "%s"}"""
                    .formatted(label, n, label, n, callers.get(n % callers.size()), line, extension, Instant.now());
            var request = HttpRequest.newBuilder(URI.create(gateway + "/api/integrations/telephony/events/generic"))
                    .header("X-Api-Key", key).header("Content-Type", "application/json")
                    .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
            if (sent != null) {
                sent.put(line, System.nanoTime());
            }
            http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
                if (failure != null || response.statusCode() != 202) {
                    httpErrors.incrementAndGet();
                    if (httpErrors.get() <= 3) {
                        System.err.println(failure != null ? failure.toString()
                                : response.statusCode() + " " + response.body());
                    }
                }
            });
        }, 0, periodNanos, TimeUnit.NANOSECONDS);
        posted.await();
        clock.shutdownNow();
    }

    private static double ms(List<Long> sorted, double quantile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
