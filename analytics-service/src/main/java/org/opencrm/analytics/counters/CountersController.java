package org.opencrm.analytics.counters;

import java.time.Instant;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/analytics/counters")
class CountersController {

    /** The caller's company totals; zero before the first event. */
    record CountersResponse(long contacts, Instant updatedAt) {
    }

    private final TenantCountersRepository counters;

    CountersController(TenantCountersRepository counters) {
        this.counters = counters;
    }

    @GetMapping
    @Transactional(readOnly = true)
    CountersResponse get() {
        return counters.findFirstBy()
                .map(c -> new CountersResponse(c.contacts(), c.updatedAt()))
                .orElse(new CountersResponse(0, null));
    }
}
