package org.opencrm.telephony.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of telephony-service.
 *
 * @param defaultRegion          the region (ISO 3166) a number dialled without a country code is read in
 * @param missedGrace            how long after an unanswered call ended it is declared missed: an ANSWERED that
 *                               arrives late (out of order) within it still makes the call answered
 * @param originateMatchWindow   how long an originated call waits to be matched by extension and number
 * @param asteriskContext        the dialplan context an Asterisk originate dials the number in
 * @param exchangeConnectTimeout connecting to the exchange (originate, recordings at its address)
 * @param exchangeTimeout        the exchange's answer (for a recording: its first byte)
 * @param recordingMaxSize       the largest uploaded recording
 */
@ConfigurationProperties("crm.telephony")
public record TelephonyProperties(
        @DefaultValue("UA") String defaultRegion,
        @DefaultValue("5s") Duration missedGrace,
        @DefaultValue("2m") Duration originateMatchWindow,
        @DefaultValue("from-internal") String asteriskContext,
        @DefaultValue("2s") Duration exchangeConnectTimeout,
        @DefaultValue("5s") Duration exchangeTimeout,
        @DefaultValue("50MB") DataSize recordingMaxSize) {
}
