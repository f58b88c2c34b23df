package org.opencrm.platform.starter.web;

import jakarta.validation.Validator;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import tools.jackson.databind.json.JsonMapper;

/** RFC 9457 problem details for every error of a service's HTTP API, and merge patches read alike everywhere. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@Import(ProblemDetailsAdvice.class)
public class CrmWebAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    MergePatch crmMergePatch(JsonMapper json, Validator validator) {
        return new MergePatch(json, validator);
    }
}
