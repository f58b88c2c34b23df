package org.opencrm.platform.starter.secrets;

import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * The encryption of the secrets a service stores ({@link SecretEncryption}), under {@code crm.secrets.key}
 * ({@code CRM_SECRETS_KEY}): docker-compose.yml requires it; {@code ./crm up} and the tests use a development
 * key, with a warning.
 */
@AutoConfiguration
public class SecretsAutoConfiguration {

    static final String DEVELOPMENT_KEY = "crm-development-only-secrets-key";

    @Bean
    @ConditionalOnMissingBean
    SecretEncryption secretEncryption(@Value("${crm.secrets.key:" + DEVELOPMENT_KEY + "}") String key) {
        if (DEVELOPMENT_KEY.equals(key)) {
            LoggerFactory.getLogger(SecretsAutoConfiguration.class)
                    .warn("Stored secrets are encrypted with the development key; set CRM_SECRETS_KEY in production");
        }
        return new SecretEncryption(key, "CRM_SECRETS_KEY");
    }
}
