package org.opencrm.deals;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Pipelines, leads, deals, orders, payments, returns and marketing. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class DealsApplication {

    public static void main(String[] args) {
        SpringApplication.run(DealsApplication.class, args);
    }
}
