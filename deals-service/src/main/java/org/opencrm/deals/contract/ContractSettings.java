package org.opencrm.deals.contract;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of contracts.
 *
 * @param maxDocumentSize the largest document file; a larger one is 413. The request as a whole is bounded
 *                        earlier, a little above it, by {@code spring.servlet.multipart.max-file-size}
 */
@ConfigurationProperties("crm.deals.contracts")
public record ContractSettings(@DefaultValue("20MB") DataSize maxDocumentSize) {
}
