package org.opencrm.platform.starter;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.PropertiesPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds the suite's common settings ({@code crm-defaults.properties}) with the lowest precedence, so every
 * service behaves alike (virtual threads, validate-only schema, probes, metrics tags, Kafka reliability
 * settings) and any service may still override a value in its application.yml.
 */
public class CrmDefaults implements EnvironmentPostProcessor {

    private static final String RESOURCE = "crm-defaults.properties";

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            new PropertiesPropertySourceLoader().load("crmDefaults", new ClassPathResource(RESOURCE))
                    .forEach(environment.getPropertySources()::addLast);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + RESOURCE, e);
        }
    }
}
