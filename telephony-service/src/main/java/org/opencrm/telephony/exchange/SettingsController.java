package org.opencrm.telephony.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.opencrm.platform.starter.security.CurrentUser;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.telephony.exchange.TelephonySettings.Connection;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The company's telephony settings, for an ADMIN: the exchange's format (the webhook path to give it), the
 * webhook signing secret and the exchange's address and credentials for click to call. Secrets are write-only:
 * null keeps the current one, "" clears it.
 */
@RestController
@RequestMapping(path = "/api/telephony/settings", produces = "application/json")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Telephony settings")
class SettingsController {

    record SettingsIn(@NotBlank String format, @Size(max = 200) String signingSecret,
            @Size(max = 500) String exchangeUrl, @Size(max = 200) String exchangeLogin,
            @Size(max = 200) String exchangePassword) {
    }

    record SettingsView(String format, String webhookPath, boolean signingSecretSet, String exchangeUrl,
            boolean exchangeLoginSet) {

        static SettingsView of(Connection connection) {
            return new SettingsView(connection.format(), WebhookController.PATH + "/" + connection.format(),
                    connection.signingSecret() != null, connection.exchangeUrl(), connection.login() != null);
        }
    }

    private final TelephonySettings settings;
    private final ExchangeAdapters adapters;

    SettingsController(TelephonySettings settings, ExchangeAdapters adapters) {
        this.settings = settings;
        this.adapters = adapters;
    }

    @GetMapping
    SettingsView get() {
        return SettingsView.of(settings.current());
    }

    @PutMapping
    @Operation(summary = "Set the exchange's format, signing secret (16 to 200 characters), address and credentials")
    SettingsView put(@Valid @RequestBody SettingsIn in) {
        String format = in.format().strip().toLowerCase(java.util.Locale.ROOT);
        if (adapters.find(format).isEmpty()) {
            throw InvalidFieldsException.of("format", "must be one of " + adapters.names());
        }
        Connection current = settings.current();
        String secret = secret(in.signingSecret(), current.signingSecret());
        if (secret != null && secret.length() < 16) {
            throw InvalidFieldsException.of("signingSecret", "must have at least 16 characters");
        }
        String url = in.exchangeUrl() == null || in.exchangeUrl().isBlank() ? null : in.exchangeUrl().strip();
        if (url != null && !url(url)) {
            throw InvalidFieldsException.of("exchangeUrl", "must be an http or https address");
        }
        Connection saved = new Connection(format, secret, url == null ? null : url.replaceAll("/+$", ""),
                secret(in.exchangeLogin(), current.login()), secret(in.exchangePassword(), current.password()));
        settings.save(saved, CurrentUser.require().userId());
        return SettingsView.of(saved);
    }

    /** Null keeps the current value, "" clears it. */
    private static String secret(String given, String current) {
        if (given == null) {
            return current;
        }
        return given.isEmpty() ? null : given;
    }

    private static boolean url(String value) {
        try {
            URI uri = URI.create(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
