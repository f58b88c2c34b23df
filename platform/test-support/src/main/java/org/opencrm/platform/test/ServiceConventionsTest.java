package org.opencrm.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What every service promises the platform, checked over HTTP: readiness with its database and Kafka,
 * liveness, Prometheus metrics tagged with its name, and an API closed to callers without a token.
 * A service's integration tests extend it once: {@code @CrmIntegrationTest class XApplicationTest extends
 * ServiceConventionsTest}.
 */
public abstract class ServiceConventionsTest {

    @LocalServerPort
    protected int port;

    @Value("${spring.application.name}")
    protected String applicationName;

    /** Any path under the service's API base, e.g. {@code /api/deals/anything}. */
    protected abstract String apiPath();

    @Test
    void isReadyWithItsDatabaseAndTheBroker() {
        var readiness = ApiClient.onPort(port).get("/actuator/health/readiness");

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().at("/components/db/status").asString()).isEqualTo("UP");
        assertThat(readiness.json().at("/components/kafka/status").asString()).isEqualTo("UP");
    }

    @Test
    void isAlive() {
        assertThat(ApiClient.onPort(port).get("/actuator/health/liveness").status()).isEqualTo(200);
    }

    @Test
    void exposesPrometheusMetricsTaggedWithTheServiceName() {
        var metrics = ApiClient.onPort(port).get("/actuator/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("application=\"" + applicationName + "\"");
    }

    @Test
    void publishesItsOpenApiDocument() {
        var document = ApiClient.onPort(port).get("/v3/api-docs");

        assertThat(document.status()).isEqualTo(200);
        assertThat(document.json().get("openapi").asString()).startsWith("3.");
    }

    @Test
    void itsApiNeedsAToken() {
        var response = ApiClient.onPort(port).get(apiPath());

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().get("type").asString()).isEqualTo("/problems/unauthorized");
    }
}
