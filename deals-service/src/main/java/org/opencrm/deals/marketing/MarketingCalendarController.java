package org.opencrm.deals.marketing;

import java.time.LocalDate;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The marketing calendar over HTTP. */
@RestController
@RequestMapping("/api/deals/marketing")
class MarketingCalendarController {

    private final MarketingCalendar calendar;

    MarketingCalendarController(MarketingCalendar calendar) {
        this.calendar = calendar;
    }

    /** {@code kinds}: a comma-separated choice of promotion, discount, promo-code, campaign (all by default). */
    @GetMapping("/calendar")
    MarketingCalendar.Calendar calendar(@RequestParam(required = false) LocalDate from,
            @RequestParam(required = false) LocalDate to, @RequestParam(required = false) String kinds) {
        return calendar.between(from, to, kinds);
    }
}
