import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Pushes shop orders through the gateway with an API key, one order per request or in batches, and prints
 * orders per second and request latencies. Every order has its own id ({@code <prefix>-<n>}), one of
 * {@code customers} customers (so the saga finds most customers again) and two lines out of 50 SKUs.
 *
 *   java ShopLoad.java <gateway> <api-key> <label> <prefix> <orders> <concurrency> <batch-size> <customers> [batch|bulk]
 *
 * batch-size 1 sends POST /api/integrations/shop/orders, more sends JSON arrays to .../orders/batch (stored
 * before the answer) or, with {@code bulk}, to .../orders/bulk (kept and answered with a receipt, stored behind).
 * A request is an error unless it is answered 202 (and with no REJECTED item).
 */
public class ShopLoad {

    public static void main(String[] args) throws Exception {
        String gateway = args[0];
        String key = args[1];
        String label = args[2];
        String prefix = args[3];
        int orders = Integer.parseInt(args[4]);
        int concurrency = Integer.parseInt(args[5]);
        int batch = Integer.parseInt(args[6]);
        int customers = Integer.parseInt(args[7]);
        String endpoint = args.length > 8 ? args[8] : "batch";
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        int requests = (orders + batch - 1) / batch;
        List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger errors = new AtomicInteger();
        AtomicInteger next = new AtomicInteger();
        long started = System.nanoTime();
        try (ExecutorService workers = Executors.newFixedThreadPool(concurrency)) {
            for (int w = 0; w < concurrency; w++) {
                workers.submit(() -> {
                    int r;
                    while ((r = next.getAndIncrement()) < requests) {
                        int from = r * batch;
                        int to = Math.min(orders, from + batch);
                        String body;
                        if (batch == 1) {
                            body = order(prefix, from, customers);
                        } else {
                            StringBuilder many = new StringBuilder("[");
                            for (int i = from; i < to; i++) {
                                many.append(i == from ? "" : ",").append(order(prefix, i, customers));
                            }
                            body = many.append(']').toString();
                        }
                        var request = HttpRequest.newBuilder(URI.create(gateway + "/api/integrations/shop/orders"
                                + (batch == 1 ? "" : "/" + endpoint))).header("X-Api-Key", key)
                                .header("Content-Type", "application/json").timeout(Duration.ofSeconds(60))
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
                        long start = System.nanoTime();
                        try {
                            var response = http.send(request, HttpResponse.BodyHandlers.ofString());
                            latencies.add(System.nanoTime() - start);
                            if (response.statusCode() != 202 || response.body().contains("\"REJECTED\"")) {
                                if (errors.incrementAndGet() <= 3) {
                                    System.err.println(response.statusCode() + " " + response.body());
                                }
                            }
                        } catch (Exception e) {
                            errors.incrementAndGet();
                            System.err.println(e);
                        }
                    }
                    return null;
                });
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<Long> sorted = new ArrayList<>(latencies);
        Collections.sort(sorted);
        System.out.printf("%-22s orders=%d batch=%d c=%d  %.1f s  %.0f orders/s  request p50=%.1f ms  p95=%.1f ms"
                + "  p99=%.1f ms  errors=%d%n", label, orders, batch, concurrency, seconds, orders / seconds,
                ms(sorted, 0.50), ms(sorted, 0.95), ms(sorted, 0.99), errors.get());
        if (errors.get() > 0) {
            System.exit(1);
        }
    }

    private static String order(String prefix, int n, int customers) {
        int customer = n % customers;
        return """
                {"orderId":"%s-%d","version":1,"currency":"UAH","paymentStatus":"NOT_PAID","paymentType":"CARD_ONLINE",\
                "customer":{"customerId":"%s-c%d","name":"Bench Customer %d","phone":"+38067%07d",\
                "email":"bench-%s-%d@example.com"},"lines":[{"sku":"BENCH-%d","name":"Bench item %d","quantity":%d,\
                "unitPrice":%d.50},{"sku":"BENCH-%d","quantity":1,"unitPrice":99}]}"""
                .formatted(prefix, n, prefix, customer, customer, customer, prefix, customer, n % 50, n % 50,
                        1 + n % 3, 10 + n % 90, (n + 7) % 50);
    }

    private static double ms(List<Long> sorted, double quantile) {
        return sorted.isEmpty() ? 0 : sorted.get(Math.min(sorted.size() - 1,
                (int) Math.ceil(quantile * sorted.size()) - 1)) / 1e6;
    }
}
