package org.opencrm.contacts.importing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of imports (of contacts and of companies alike). The largest file is Spring's multipart limit
 * ({@code spring.servlet.multipart.max-file-size}), so that a larger upload is refused while it streams in.
 *
 * @param concurrent       imports one instance runs at once; more wait for a turn (each takes a core and a
 *                         database connection for its whole run)
 * @param beatInterval     how often a running import records its progress and checks whether it was cancelled
 * @param staleAfter       a running import whose progress is older than this was lost with its instance and is
 *                         marked failed; an announcer that stopped this long ago is taken over
 * @param announceChunk    cards whose events go into the outbox per transaction after an import
 * @param outboxBacklog    announcing waits while the outbox holds more unsent events than this, so that a
 *                         million events do not all wait in memory for Kafka at once
 * @param keepFiles        how long an uploaded file that was not imported is kept
 */
@ConfigurationProperties("crm.contacts.imports")
public record ImportSettings(
        @DefaultValue("2") int concurrent,
        @DefaultValue("1s") Duration beatInterval,
        @DefaultValue("2m") Duration staleAfter,
        @DefaultValue("1000") int announceChunk,
        @DefaultValue("5000") int outboxBacklog,
        @DefaultValue("7d") Duration keepFiles) {
}
