package org.opencrm.telephony.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.NotFoundException;
import org.opencrm.platform.starter.web.Problems;
import org.opencrm.telephony.call.CallEvent;
import org.opencrm.telephony.call.CallLifecycle;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The exchange's webhook: call events in the company's exchange format, with an API key of scope
 * {@code telephony:write} (the gateway exchanges it for an integration token) and, once an ADMIN set a secret,
 * the HMAC signature of the raw body. Everything in a request is stored together, or (malformed: 400, bad
 * signature: 401) nothing.
 */
@RestController
@RequestMapping(path = WebhookController.PATH, produces = "application/json")
@PreAuthorize("hasAuthority('SCOPE_telephony:write')")
@Tag(name = "Telephone exchange webhook", description = """
        For the company's telephone exchange, with the header X-Api-Key (scope telephony:write). {format} is \
        generic, asterisk or binotel (docs/telephony-and-notifications.md describes each).""")
class WebhookController {

    static final String PATH = "/api/integrations/telephony/events";
    /** The largest webhook body read. */
    static final int MAX_BODY = 1 << 20;

    /** What the request did: the (last) call it concerned and where that call stands; IGNORED for none. */
    record Accepted(UUID callId, String state) {
    }

    private final ExchangeAdapters adapters;
    private final WebhookSignatures signatures;
    private final CallLifecycle lifecycle;

    WebhookController(ExchangeAdapters adapters, WebhookSignatures signatures, CallLifecycle lifecycle) {
        this.adapters = adapters;
        this.signatures = signatures;
        this.lifecycle = lifecycle;
    }

    @PostMapping("/{format}")
    @Operation(summary = "Call events of the exchange: ringing, answered, ended, recording", description = """
            Repeats and events out of order are welcome: each fact counts once and the call ends up right. \
            Answered 202 with the call's id and state once stored.""")
    ResponseEntity<Accepted> receive(@PathVariable String format, HttpServletRequest request,
            @Parameter(hidden = true) @RequestHeader(name = WebhookSignatures.HEADER, required = false) String signature)
            throws IOException {
        ExchangeAdapter adapter = adapters.find(format).orElseThrow(() -> new NotFoundException("Exchange format", format));
        byte[] body = body(request);
        signatures.verify(body, signature);
        MediaType contentType = request.getContentType() == null ? MediaType.APPLICATION_JSON
                : MediaType.parseMediaType(request.getContentType());
        List<CallEvent> events = adapter.read(body, contentType);
        Accepted accepted = new Accepted(null, "IGNORED");
        for (CallLifecycle.Applied applied : lifecycle.apply(events)) {
            if (applied.callId() != null) {
                accepted = new Accepted(applied.callId(), applied.state());
            }
        }
        return ResponseEntity.status(HttpStatus.ACCEPTED).body(accepted);
    }

    /**
     * The raw body, as signed. A form-encoded body that a filter already read into parameters is put back
     * together from them (its signature can then only match if the exchange encoded it the same way).
     */
    private static byte[] body(HttpServletRequest request) throws IOException {
        byte[] body;
        try (InputStream in = request.getInputStream()) {
            body = in.readNBytes(MAX_BODY + 1);
        }
        if (body.length > MAX_BODY) {
            throw InvalidFieldsException.of("body", "must be at most " + MAX_BODY + " bytes");
        }
        if (body.length == 0 && !request.getParameterMap().isEmpty()) {
            body = request.getParameterMap().entrySet().stream()
                    .flatMap(entry -> java.util.Arrays.stream(entry.getValue()).map(value -> Map.entry(entry.getKey(), value)))
                    .map(entry -> encode(entry.getKey()) + "=" + encode(entry.getValue()))
                    .collect(Collectors.joining("&")).getBytes(StandardCharsets.UTF_8);
        }
        return body;
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    @ExceptionHandler(WebhookSignatures.BadSignatureException.class)
    ProblemDetail badSignature(WebhookSignatures.BadSignatureException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setType(Problems.UNAUTHORIZED);
        return problem;
    }
}
