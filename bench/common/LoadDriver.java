import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A small closed-loop load driver: each of C workers sends the next request from a list of paths (cycling)
 * with the bearer token, waits for the answer, and records its latency. Prints p50, p95, p99 and max in
 * milliseconds, the throughput and the number of non-2xx answers. Run with the JDK's source launcher:
 *
 *   java LoadDriver.java <base-url> <token-file> <label> <paths-file> <requests> <concurrency> [warm-up]
 */
public class LoadDriver {

    public static void main(String[] args) throws Exception {
        String base = args[0];
        String token = Files.readString(Path.of(args[1])).strip();
        String label = args[2];
        List<String> paths = Files.readAllLines(Path.of(args[3])).stream().filter(line -> !line.isBlank()).toList();
        int requests = Integer.parseInt(args[4]);
        int concurrency = Integer.parseInt(args[5]);
        int warmUp = args.length > 6 ? Integer.parseInt(args[6]) : requests / 5;
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        run(http, base, token, paths, warmUp, concurrency, new ArrayList<>(), new AtomicInteger());
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        long started = System.nanoTime();
        run(http, base, token, paths, requests, concurrency, latencies, errors);
        double seconds = (System.nanoTime() - started) / 1e9;

        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%-28s n=%d c=%d  p50=%.1f ms  p95=%.1f ms  p99=%.1f ms  max=%.1f ms  %.0f req/s  errors=%d%n",
                label, sorted.size(), concurrency, ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99),
                sorted.getLast() / 1e6, sorted.size() / seconds, errors.get());
    }

    private static void run(HttpClient http, String base, String token, List<String> paths, int requests,
            int concurrency, List<Long> latencies, AtomicInteger errors) throws InterruptedException {
        AtomicInteger next = new AtomicInteger();
        try (ExecutorService workers = Executors.newFixedThreadPool(concurrency)) {
            for (int w = 0; w < concurrency; w++) {
                workers.submit(() -> {
                    int i;
                    while ((i = next.getAndIncrement()) < requests) {
                        var request = HttpRequest.newBuilder(URI.create(base + paths.get(i % paths.size())))
                                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30)).build();
                        long start = System.nanoTime();
                        try {
                            var response = http.send(request, HttpResponse.BodyHandlers.ofByteArray());
                            latencies.add(System.nanoTime() - start);
                            if (response.statusCode() / 100 != 2) {
                                errors.incrementAndGet();
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                        }
                    }
                    return null;
                });
            }
        }
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
