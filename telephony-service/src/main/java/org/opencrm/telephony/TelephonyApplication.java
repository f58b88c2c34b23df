package org.opencrm.telephony;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/** Calls from the telephone exchange, recordings and the caller's screen pop. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class TelephonyApplication {

    public static void main(String[] args) {
        SpringApplication.run(TelephonyApplication.class, args);
    }
}
