package org.opencrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.KeyPair;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Rate limits kept in the machine's Redis, with small limits so they are reached quickly. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "crm.gateway.rate-limit.store=redis",
        "crm.gateway.rate-limit.per-user=3",
        "crm.gateway.rate-limit.per-anonymous-client=4",
        // nothing listens there: requests that pass the limiter end in the fallback
        "CONTACTS_URL=http://127.0.0.1:9",
        "IDENTITY_URL=http://127.0.0.1:9"})
class RateLimitTest {

    private static final KeyPair KEYS = TestJwts.keys();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @LocalServerPort
    int port;

    @Autowired
    RateLimiter limiter;

    @DynamicPropertySource
    static void settings(DynamicPropertyRegistry registry) {
        registry.add("crm.security.jwt.public-key", () -> TestJwts.publicKey(KEYS));
        // a fresh key space, so an earlier run's buckets (kept a minute in Redis) do not count
        registry.add("crm.gateway.rate-limit.key-prefix", () -> "crm-test:" + UUID.randomUUID() + ":");
    }

    @Test
    void usesRedis() {
        assertThat(limiter.store()).isEqualTo("redis");
    }

    @Test
    void eachSignedInUserHasTheirOwnBudgetAndGets429WithRetryAfterBeyondIt() throws Exception {
        String alice = TestJwts.token(KEYS, "access");
        String bob = TestJwts.token(KEYS, "access");

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            statuses.add(get("/api/contacts/1", alice).statusCode());
        }
        var limited = get("/api/contacts/1", alice);
        var other = get("/api/contacts/1", bob);

        assertThat(statuses.subList(0, 3)).allMatch(status -> status == 503);
        assertThat(statuses.get(3)).isEqualTo(429);
        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(Long.parseLong(limited.headers().firstValue("Retry-After").orElseThrow())).isPositive();
        assertThat(limited.body()).contains("/problems/rate-limited");
        assertThat(other.statusCode()).isEqualTo(503);
    }

    @Test
    void anonymousCallersAreLimitedByAddress() throws Exception {
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            statuses.add(HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/identity/token"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode());
        }
        assertThat(statuses).contains(429);
        assertThat(statuses.subList(0, 4)).doesNotContain(429);
    }

    @Test
    void manyRequestsOfOneCallerAtOnceAreEachDecidedAndCountedWhileTheBucketIsContended() {
        // 300 at once on one bucket (an exchange posting with its one key): none spins without end, and as the
        // losers of a compare-and-swap back off, every request takes its token
        String caller = "key:contended-" + UUID.randomUUID();
        var decisions = reactor.core.publisher.Flux.range(0, 300)
                .flatMap(i -> limiter.take(caller, 600), 300)
                .collectList().block(java.time.Duration.ofSeconds(60));

        assertThat(decisions).hasSize(300).allMatch(RateLimiter.Decision::allowed);
        var next = limiter.take(caller, 600).block();
        // 600 a minute refill 10 a second while the 301 are taken
        assertThat(next.remaining()).isBetween(600L - 301, 600L - 301 + 20);
    }

    @Test
    void aContendedRequestBacksOffWithGrowingRandomPausesAndStopsAfterItsBudget() {
        var first = RateLimiter.InRedis.backOff(new io.github.bucket4j.distributed.proxy.RetryStrategy.RetryMetadata(
                1, "k", 0, 1_000));
        var sixth = RateLimiter.InRedis.backOff(new io.github.bucket4j.distributed.proxy.RetryStrategy.RetryMetadata(
                6, "k", 0, 1_000));
        var late = RateLimiter.InRedis.backOff(new io.github.bucket4j.distributed.proxy.RetryStrategy.RetryMetadata(
                40, "k", 0, RateLimiter.InRedis.RETRY_BUDGET.toNanos() + 1));

        assertThat(first.shouldRetry()).isTrue();
        assertThat(first.getDelay()).isBetween(java.time.Duration.ofNanos(500_000), java.time.Duration.ofMillis(1));
        assertThat(sixth.getDelay()).isBetween(java.time.Duration.ofMillis(16), java.time.Duration.ofMillis(32));
        assertThat(late.shouldRetry()).isFalse();
    }

    @Test
    void theInMemoryStoreCountsTheSameWay() {
        var memory = new RateLimiter.InMemory();
        assertThat(memory.take("user:x", 2).block().allowed()).isTrue();
        assertThat(memory.take("user:x", 2).block().allowed()).isTrue();
        var third = memory.take("user:x", 2).block();
        assertThat(third.allowed()).isFalse();
        assertThat(third.retryAfter()).isPositive();
        assertThat(memory.take("user:y", 2).block().allowed()).isTrue();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }


}
