package org.opencrm.tasks;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;

@CrmIntegrationTest
class TasksApplicationTest {

    @LocalServerPort
    int port;

    @Test
    void isReadyWithItsDatabaseAndTheBroker() {
        var readiness = ApiClient.onPort(port).get("/actuator/health/readiness");

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().at("/components/db/status").asString()).isEqualTo("UP");
        assertThat(readiness.json().at("/components/kafka/status").asString()).isEqualTo("UP");
    }

    @Test
    void exposesPrometheusMetricsTaggedWithTheServiceName() {
        var metrics = ApiClient.onPort(port).get("/actuator/prometheus");

        assertThat(metrics.status()).isEqualTo(200);
        assertThat(metrics.body()).contains("application=\"tasks-service\"");
    }

    @Test
    void itsApiNeedsAToken() {
        var response = ApiClient.onPort(port).get("/api/tasks/anything");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
    }
}
