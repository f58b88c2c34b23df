package org.opencrm.platform.starter.directory;

import org.opencrm.platform.starter.events.CrmEventsAutoConfiguration;
import org.opencrm.platform.starter.events.IdempotentConsumer;
import org.opencrm.platform.starter.events.IncomingEvents;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The staff directory and its projection of identity's events, for a service that decides who sees which
 * records by their owner. Opt in with {@code crm.directory.enabled=true} and add {@code classpath:db/directory}
 * to {@code spring.flyway.locations} (its tables: {@code directory_user}, {@code directory_department}).
 */
@AutoConfiguration(after = CrmEventsAutoConfiguration.class)
@ConditionalOnProperty(prefix = "crm.directory", name = "enabled", havingValue = "true")
public class DirectoryAutoConfiguration {

    @Bean
    Directory directory(JdbcTemplate jdbc) {
        return new Directory(jdbc);
    }

    @Bean
    DirectoryProjector directoryProjector(IncomingEvents incoming, IdempotentConsumer inbox, JdbcTemplate jdbc) {
        return new DirectoryProjector(incoming, inbox, jdbc);
    }
}
