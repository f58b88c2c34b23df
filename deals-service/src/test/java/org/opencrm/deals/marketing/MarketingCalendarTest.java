package org.opencrm.deals.marketing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.opencrm.deals.Company;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * The marketing calendar through HTTP: what overlaps a week, a month or a year, each kind hideable, each item
 * with its attributed leads and deals; bad ranges refused; another company's items never shown.
 */
@CrmIntegrationTest
class MarketingCalendarTest {

    @LocalServerPort
    int port;

    private static String id(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        return response.json().get("id").asString();
    }

    private static String promotion(ApiClient api, String type, String name, String start, String end) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("type", type, "name", name, "mechanic", "PERCENT",
                "value", 10, "startDate", start));
        body.put("endDate", end);
        return id(api.post("/api/deals/promotions", body));
    }

    private static List<String> names(JsonNode calendar) {
        return Company.each(calendar.get("items"), "name");
    }

    @Test
    void theCalendarShowsWhatOverlapsTheRangeWithItsNumbers() {
        Company company = new Company(port);
        var api = company.admin();
        String spring = promotion(api, "PROMOTION", "Spring", "2026-03-09", "2026-06-09");
        promotion(api, "DISCOUNT", "March only", "2026-03-01", "2026-03-31");
        promotion(api, "DISCOUNT", "Ends the day before", "2026-01-01", "2026-03-31");
        promotion(api, "PROMOTION", "Open-ended", "2025-01-01", null);
        promotion(api, "PROMOTION", "Starts the day after", "2026-05-01", "2026-05-31");
        id(api.post("/api/deals/promo-codes", Map.of("code", "APRIL", "mechanic", "GIFT", "startDate", "2026-04-30",
                "endDate", "2026-04-30")));
        id(api.post("/api/deals/campaigns", Map.of("name", "FB April", "channel", "FACEBOOK", "budget", "100",
                "startDate", "2026-04-15", "endDate", "2026-05-15")));
        id(api.post("/api/deals/leads", Map.of("contactName", "A", "promotionId", spring)));
        id(api.post("/api/deals/deals", Map.of("amount", "10", "promotionId", spring, "promoCode", "april")));

        JsonNode april = api.get("/api/deals/marketing/calendar?from=2026-04-01&to=2026-04-30").json();

        assertThat(names(april)).as("by start date; touching either edge counts")
                .containsExactly("Open-ended", "Spring", "FB April", "APRIL");
        assertThat(Company.each(april.get("items"), "kind"))
                .containsExactly("promotion", "promotion", "campaign", "promo-code");
        JsonNode springItem = april.get("items").get(1);
        assertThat(springItem.get("leads").asLong()).isEqualTo(1);
        assertThat(springItem.get("deals").asLong()).isEqualTo(1);
        assertThat(springItem.get("detail").asString()).isEqualTo("PERCENT");
        assertThat(april.get("items").get(3).get("deals").asLong()).as("the deal carrying the code").isEqualTo(1);
        assertThat(april.get("truncated").asBoolean()).isFalse();

        assertThat(names(api.get("/api/deals/marketing/calendar?from=2026-03-31&to=2026-03-31").json()))
                .containsExactlyInAnyOrder("Open-ended", "Spring", "March only", "Ends the day before");
        assertThat(names(api.get("/api/deals/marketing/calendar?from=2026-01-01&to=2026-12-31&kinds=discount").json()))
                .as("a year of discounts only").containsExactly("Ends the day before", "March only");
        assertThat(names(api.get("/api/deals/marketing/calendar?from=2026-04-01&to=2026-04-30&kinds=promo-code,campaign")
                .json())).containsExactly("FB April", "APRIL");
        assertThat(names(api.get("/api/deals/marketing/calendar?from=2024-01-01&to=2024-12-31").json())).isEmpty();
    }

    @Test
    void everyoneWhoWorksWithClientsReadsTheCalendarButADeveloperDoesNot() {
        Company company = new Company(port);
        promotion(company.admin(), "PROMOTION", "Spring", "2026-03-09", "2026-06-09");
        String path = "/api/deals/marketing/calendar?from=2026-04-01&to=2026-04-07";

        assertThat(names(company.as(company.hire("MANAGER", null), "MANAGER").get(path).json())).containsExactly("Spring");
        assertThat(names(company.as(company.hire("OPERATOR", null), "OPERATOR").get(path).json())).containsExactly("Spring");
        assertThat(company.as(UUID.randomUUID(), "DEVELOPER").get(path).status()).isEqualTo(403);
        assertThat(names(new Company(port).admin().get(path).json())).as("another company's").isEmpty();
    }

    @Test
    void aBadRangeOrKindIsRefusedNamingTheParameter() {
        var api = new Company(port).admin();

        assertThat(fields(api.get("/api/deals/marketing/calendar?from=2026-04-30&to=2026-04-01"))).containsExactly("to");
        assertThat(fields(api.get("/api/deals/marketing/calendar?to=2026-04-01"))).containsExactly("from");
        assertThat(fields(api.get("/api/deals/marketing/calendar?from=2020-01-01&to=2026-01-01"))).containsExactly("to");
        assertThat(fields(api.get("/api/deals/marketing/calendar?from=2026-04-01&to=2026-04-30&kinds=promotion,coupon")))
                .containsExactly("kinds");
        assertThat(fields(api.get("/api/deals/marketing/calendar?from=April&to=2026-04-30"))).containsExactly("from");
    }

    private static List<String> fields(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().get("errors").findValuesAsString("field");
    }
}
