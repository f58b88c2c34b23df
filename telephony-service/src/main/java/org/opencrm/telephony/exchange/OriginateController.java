package org.opencrm.telephony.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import java.util.UUID;
import org.opencrm.platform.starter.security.CrmUser;
import org.opencrm.platform.starter.security.CurrentUser;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.Problems;
import org.opencrm.telephony.call.CallLifecycle;
import org.opencrm.telephony.call.CallLog;
import org.opencrm.telephony.call.CallView;
import org.opencrm.telephony.config.PhoneNumbers;
import org.opencrm.telephony.config.TelephonyProperties;
import org.opencrm.telephony.exchange.TelephonySettings.Connection;
import org.opencrm.telephony.extension.Extensions;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Click to call: the company's exchange rings the user's extension and then the number. The exchange is asked
 * first, outside any transaction; once it accepted, the call is logged (OUTBOUND, RINGING) and its later
 * webhook events complete it.
 */
@RestController
@RequestMapping(path = "/api/telephony/calls/originate", produces = "application/json")
@PreAuthorize("hasAnyRole('ADMIN', 'SUPERVISOR', 'MANAGER', 'OPERATOR')")
@Tag(name = "Calls")
class OriginateController {

    record OriginateIn(@NotBlank String number, UUID contactId) {
    }

    /** The user has no extension on the exchange: 409. */
    static class NoExtensionException extends RuntimeException {
        NoExtensionException() {
            super("You have no extension on the company's exchange; an administrator maps one in the telephony settings.");
        }
    }

    private final Extensions extensions;
    private final TelephonySettings settings;
    private final ExchangeAdapters adapters;
    private final ExchangeCalls exchange;
    private final CallLifecycle lifecycle;
    private final CallLog log;
    private final TelephonyProperties properties;

    OriginateController(Extensions extensions, TelephonySettings settings, ExchangeAdapters adapters,
            ExchangeCalls exchange, CallLifecycle lifecycle, CallLog log, TelephonyProperties properties) {
        this.extensions = extensions;
        this.settings = settings;
        this.adapters = adapters;
        this.exchange = exchange;
        this.lifecycle = lifecycle;
        this.log = log;
        this.properties = properties;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Call a number from the user's extension", description = """
            409 when the user has no extension, 503 when the exchange cannot be reached (or is not set up).""")
    CallView originate(@Valid @RequestBody OriginateIn in) {
        CrmUser user = CurrentUser.require();
        String number = PhoneNumbers.e164(in.number(), properties.defaultRegion())
                .orElseThrow(() -> InvalidFieldsException.of("number", "is not a phone number"));
        String extension = extensions.extensionOf(user.userId()).orElseThrow(NoExtensionException::new);
        Connection connection = settings.current();
        ExchangeAdapter adapter = adapters.find(connection.format()).orElseThrow();
        if (connection.exchangeUrl() == null && !"binotel".equals(adapter.name())) {
            throw new ExchangeCalls.ExchangeUnavailableException("The company's exchange address is not set.", null);
        }
        String answer = exchange.send(adapter.originate(connection, extension, number));
        String exchangeCallId;
        try {
            exchangeCallId = adapter.originatedCallId(answer);
        } catch (RuntimeException e) {
            throw new ExchangeCalls.ExchangeUnavailableException("The exchange refused the call.", e);
        }
        UUID id = lifecycle.originated(exchangeCallId, extension, user.userId(), number);
        return log.get(id);
    }

    @ExceptionHandler(NoExtensionException.class)
    ProblemDetail noExtension(NoExtensionException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setType(Problems.CONFLICT);
        return problem;
    }

    @ExceptionHandler(ExchangeCalls.ExchangeUnavailableException.class)
    ProblemDetail unavailable(ExchangeCalls.ExchangeUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, e.getMessage());
        problem.setType(java.net.URI.create("/problems/exchange-unavailable"));
        return problem;
    }
}
