package org.opencrm.telephony.call;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The call log and one call, as the user may see them. */
@RestController
@RequestMapping(path = "/api/telephony/calls", produces = "application/json")
@Tag(name = "Calls")
class CallController {

    private final CallLog log;

    CallController(CallLog log) {
        this.log = log;
    }

    @GetMapping
    @Operation(summary = "The call log, newest first, keyset paged", description = """
            ADMIN sees every call, SUPERVISOR the calls of their department's tree, MANAGER and OPERATOR their own \
            and those of the clients they own or nobody owns; MARKETER and DEVELOPER none (403). from/to are RFC \
            3339 times on startedAt (from inclusive, to exclusive).""")
    CallLog.Page list(@RequestParam(required = false) String direction, @RequestParam(required = false) String status,
            @RequestParam(required = false) UUID userId, @RequestParam(required = false) UUID contactId,
            @RequestParam(required = false) UUID companyId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant to,
            @RequestParam(required = false) String cursor, @RequestParam(defaultValue = "50") int limit) {
        return log.list(new CallLog.Filter(blank(direction), blank(status), userId, contactId, companyId, from, to),
                cursor, limit);
    }

    @GetMapping("/{id}")
    CallView get(@PathVariable UUID id) {
        return log.get(id);
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
