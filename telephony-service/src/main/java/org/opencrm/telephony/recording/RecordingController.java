package org.opencrm.telephony.recording;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Optional;
import java.util.UUID;
import org.opencrm.platform.starter.security.CrmUser;
import org.opencrm.platform.starter.security.CurrentUser;
import org.opencrm.platform.starter.security.TenantContext;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.NotFoundException;
import org.opencrm.telephony.call.CallLifecycle;
import org.opencrm.telephony.call.CallLog;
import org.opencrm.telephony.call.CallLog.RecordingSource;
import org.opencrm.telephony.config.TelephonyProperties;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.method.annotation.StreamingResponseBody;

/**
 * A call's recording, for the users who may see the call (anyone else: 404, as if there were none): the file
 * uploaded here, else the exchange's own recording streamed through (the exchange's address is never shown).
 * Range requests are answered 206 either way, so a player can seek.
 */
@RestController
@RequestMapping("/api/telephony/calls/{id}/recording")
@Tag(name = "Calls")
class RecordingController {

    private static final int CHUNK = 256 * 1024;
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(RecordingController.class);

    private final CallLog log;
    private final CallLifecycle lifecycle;
    private final StoredRecordings stored;
    private final TelephonyProperties properties;
    private final HttpClient http;

    RecordingController(CallLog log, CallLifecycle lifecycle, StoredRecordings stored, TelephonyProperties properties) {
        this.log = log;
        this.lifecycle = lifecycle;
        this.stored = stored;
        this.properties = properties;
        this.http = HttpClient.newBuilder().connectTimeout(properties.exchangeConnectTimeout())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
    }

    @GetMapping
    @Operation(summary = "The recording's audio, streamed (Range supported)")
    ResponseEntity<StreamingResponseBody> play(@PathVariable UUID id,
            @RequestHeader(name = HttpHeaders.RANGE, required = false) String range) {
        RecordingSource source = log.recording(id);
        Optional<StoredRecordings.Stored> file = source.stored() ? stored.find(id) : Optional.empty();
        if (file.isPresent()) {
            return fromDatabase(id, file.get(), range);
        }
        if (source.exchangeUrl() != null) {
            return fromExchange(source.exchangeUrl(), range);
        }
        throw new NotFoundException("Recording of call", id);
    }

    @PostMapping(consumes = "multipart/form-data", produces = "application/json")
    @Operation(summary = "Upload a recording the exchange did not link (ADMIN or the call's user)")
    ResponseEntity<Void> upload(@PathVariable UUID id, @RequestParam("file") MultipartFile file) throws IOException {
        RecordingSource source = log.recording(id);
        CrmUser user = CurrentUser.require();
        if (!user.hasRole("ADMIN") && !user.userId().equals(source.userId())) {
            throw new AccessDeniedException("Only an administrator or the call's user uploads its recording.");
        }
        String type = file.getContentType();
        if (type == null || !type.toLowerCase(java.util.Locale.ROOT).startsWith("audio/")) {
            throw InvalidFieldsException.of("file", "must be an audio file (audio/*)");
        }
        if (file.isEmpty()) {
            throw InvalidFieldsException.of("file", "is empty");
        }
        if (file.getSize() > properties.recordingMaxSize().toBytes()) {
            throw InvalidFieldsException.of("file", "must be at most " + properties.recordingMaxSize());
        }
        try (InputStream content = file.getInputStream()) {
            stored.store(id, type, file.getSize(), content, user.userId());
        }
        lifecycle.recordingStored(id);
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/telephony/calls/" + id + "/recording")).build();
    }

    private ResponseEntity<StreamingResponseBody> fromDatabase(UUID id, StoredRecordings.Stored file, String header) {
        Optional<ByteRange> range = ByteRange.parse(header, file.size());
        long first = range.map(ByteRange::first).orElse(0L);
        long length = range.map(ByteRange::length).orElse(file.size());
        UUID tenant = TenantContext.require();
        StreamingResponseBody body = out -> {
            for (long at = first; at < first + length; at += CHUNK) {
                int size = (int) Math.min(CHUNK, first + length - at);
                out.write(stored.read(id, tenant, at, size));
            }
        };
        ResponseEntity.BodyBuilder answer = ResponseEntity.status(range.isPresent() ? HttpStatus.PARTIAL_CONTENT : HttpStatus.OK)
                .header(HttpHeaders.CONTENT_TYPE, file.contentType())
                .header(HttpHeaders.ACCEPT_RANGES, "bytes")
                .header(HttpHeaders.CONTENT_LENGTH, Long.toString(length));
        range.ifPresent(r -> answer.header(HttpHeaders.CONTENT_RANGE,
                "bytes " + r.first() + "-" + r.last() + "/" + file.size()));
        return answer.body(body);
    }

    private ResponseEntity<StreamingResponseBody> fromExchange(String url, String range) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(properties.exchangeTimeout()).GET();
        if (range != null) {
            request.header(HttpHeaders.RANGE, range);
        }
        HttpResponse<InputStream> answer;
        try {
            answer = http.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            LOG.warn("The recording at the exchange of tenant {} cannot be fetched: {}", TenantContext.require(),
                    e.toString());
            throw new RecordingUnavailableException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RecordingUnavailableException(e);
        }
        int status = answer.statusCode();
        if (status != 200 && status != 206 && status != 416) {
            closeQuietly(answer.body());
            if (status == 404 || status == 410) {
                throw new NotFoundException("Recording at the exchange", "");
            }
            throw new RecordingUnavailableException(new IOException("The exchange answered " + status));
        }
        ResponseEntity.BodyBuilder builder = ResponseEntity.status(status)
                .header(HttpHeaders.ACCEPT_RANGES, "bytes");
        for (String name : new String[] {HttpHeaders.CONTENT_TYPE, HttpHeaders.CONTENT_LENGTH, HttpHeaders.CONTENT_RANGE}) {
            answer.headers().firstValue(name).ifPresent(value -> builder.header(name, value));
        }
        StreamingResponseBody body = out -> {
            try (InputStream in = answer.body(); OutputStream sink = out) {
                in.transferTo(sink);
            }
        };
        return builder.body(body);
    }

    private static void closeQuietly(InputStream in) {
        try {
            in.close();
        } catch (IOException ignored) {
            // nothing to do
        }
    }

    /** The exchange keeping the recording cannot be reached: 502. */
    static class RecordingUnavailableException extends RuntimeException {
        RecordingUnavailableException(Throwable cause) {
            super("The exchange keeping the recording cannot be reached.", cause);
        }
    }

    @ExceptionHandler(RecordingUnavailableException.class)
    ProblemDetail unavailable(RecordingUnavailableException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY, e.getMessage());
        problem.setType(URI.create("/problems/exchange-unavailable"));
        return problem;
    }

    @ExceptionHandler(ByteRange.Unsatisfiable.class)
    ResponseEntity<Void> unsatisfiable(ByteRange.Unsatisfiable e) {
        return ResponseEntity.status(HttpStatus.REQUESTED_RANGE_NOT_SATISFIABLE).build();
    }
}
