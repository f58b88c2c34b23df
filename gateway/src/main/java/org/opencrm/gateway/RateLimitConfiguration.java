package org.opencrm.gateway;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitProperties.class)
class RateLimitConfiguration {

    @Bean(destroyMethod = "close")
    RateLimiter rateLimiter(RateLimitProperties properties) {
        return RateLimiter.create(properties);
    }

    @Bean
    RateLimits rateLimits(RateLimiter limiter, RateLimitProperties properties, JsonMapper json, MeterRegistry meters) {
        return new RateLimits(limiter, properties, json, meters);
    }
}
