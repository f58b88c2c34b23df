package org.opencrm.contacts.exporting;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of contact exports.
 *
 * @param timeout how long an export may stream: a million contacts take minutes, far past the servlet
 *                container's default for asynchronous requests (30 s in Tomcat)
 */
@ConfigurationProperties("crm.contacts.exports")
public record ExportSettings(@DefaultValue("30m") Duration timeout) {
}
