package org.opencrm.deals;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/** Pipelines, leads, deals, orders, payments, returns and marketing. */
@SpringBootApplication
public class DealsApplication {

    public static void main(String[] args) {
        SpringApplication.run(DealsApplication.class, args);
    }
}
