package org.opencrm.contacts.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of contacts-service.
 *
 * @param defaultRegion the region (ISO 3166 code) a phone typed without a country code is read in, for
 *                      companies that did not choose their own
 */
@ConfigurationProperties("crm.contacts")
public record ContactsSettings(@DefaultValue("UA") String defaultRegion) {
}
