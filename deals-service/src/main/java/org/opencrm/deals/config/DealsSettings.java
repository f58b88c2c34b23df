package org.opencrm.deals.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of deals-service.
 *
 * @param defaultRegion   the region (ISO 3166 code) a lead's phone typed without a country code is read in
 * @param defaultCurrency the currency (ISO 4217 code) of a deal or product given without one
 */
@ConfigurationProperties("crm.deals")
public record DealsSettings(@DefaultValue("UA") String defaultRegion, @DefaultValue("UAH") String defaultCurrency) {
}
