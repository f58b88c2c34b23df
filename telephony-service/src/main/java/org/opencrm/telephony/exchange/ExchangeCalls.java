package org.opencrm.telephony.exchange;

import io.github.resilience4j.circuitbreaker.CallNotPermittedException;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import org.opencrm.platform.starter.security.TenantContext;
import org.opencrm.telephony.config.TelephonyProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Asks a company's exchange to originate a call: one HTTP request with a connect and an answer timeout, behind a
 * circuit breaker per company, so that an exchange that is down is not waited for by every click. Never retried:
 * originating twice would ring the client twice.
 */
@Component
class ExchangeCalls {

    private static final Logger log = LoggerFactory.getLogger(ExchangeCalls.class);

    /** The exchange could not be reached, refused, or its breaker is open: 503. */
    static class ExchangeUnavailableException extends RuntimeException {
        ExchangeUnavailableException(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final HttpClient http;
    private final CircuitBreakerRegistry breakers;
    private final Duration timeout;

    ExchangeCalls(TelephonyProperties properties) {
        this.http = HttpClient.newBuilder().connectTimeout(properties.exchangeConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        this.timeout = properties.exchangeTimeout();
        this.breakers = CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .slidingWindowSize(10).minimumNumberOfCalls(5).failureRateThreshold(50)
                .waitDurationInOpenState(Duration.ofSeconds(30)).permittedNumberOfCallsInHalfOpenState(2)
                .recordExceptions(IOException.class, ExchangeRefusedException.class).build());
    }

    /** The body of the exchange's 2xx answer. */
    String send(HttpRequest request) {
        UUID tenant = TenantContext.require();
        CircuitBreaker breaker = breakers.circuitBreaker("exchange-" + tenant);
        HttpRequest timed = HttpRequest.newBuilder(request, (name, value) -> true).timeout(timeout).build();
        try {
            return breaker.executeCallable(() -> {
                HttpResponse<String> answer = http.send(timed, HttpResponse.BodyHandlers.ofString());
                if (answer.statusCode() / 100 != 2) {
                    throw new ExchangeRefusedException("The exchange answered " + answer.statusCode());
                }
                return answer.body();
            });
        } catch (CallNotPermittedException e) {
            throw new ExchangeUnavailableException("The exchange failed repeatedly; trying again in a while.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExchangeUnavailableException("Interrupted while calling the exchange.", e);
        } catch (IOException | ExchangeRefusedException e) {
            log.warn("The exchange of tenant {} failed to originate a call: {}", tenant, e.toString());
            throw new ExchangeUnavailableException("The exchange cannot be reached or refused the call.", e);
        } catch (Exception e) {
            throw new ExchangeUnavailableException("The exchange cannot be reached or refused the call.", e);
        }
    }

    /** The exchange answered, but not with success. */
    static class ExchangeRefusedException extends RuntimeException {
        ExchangeRefusedException(String message) {
            super(message);
        }
    }
}
