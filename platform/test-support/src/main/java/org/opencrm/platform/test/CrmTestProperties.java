package org.opencrm.platform.test;

import java.util.LinkedHashMap;
import java.util.Map;

/** The settings that point a service at the test infrastructure. */
public final class CrmTestProperties {

    private CrmTestProperties() {
    }

    /** Database, broker, token key and quick retry timings, as Spring properties. */
    public static Map<String, Object> all() {
        TestDatabase database = TestDatabase.get();
        Map<String, Object> properties = new LinkedHashMap<>();
        properties.put("spring.datasource.url", database.url());
        properties.put("spring.datasource.username", database.username());
        properties.put("spring.datasource.password", database.password());
        properties.put("spring.kafka.bootstrap-servers", TestKafka.get().bootstrapServers());
        properties.put("crm.security.jwt.public-key", TestTokens.publicKey());
        properties.put("crm.events.consumer.initial-backoff", "100ms");
        properties.put("crm.events.consumer.max-backoff", "500ms");
        properties.put("crm.events.outbox.resubmit-interval", "2s");
        properties.put("crm.events.outbox.resubmit-after", "5s");
        return properties;
    }
}
