package org.opencrm.deals.promotion;

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
 * Promotions, discounts and promo codes through HTTP: a marketer keeps them, with the products they apply
 * to; leads and deals attributed to each; codes unique whatever their case, their uses counted; bad input,
 * other roles and another company refused.
 */
@CrmIntegrationTest
class PromotionApiTest {

    @LocalServerPort
    int port;

    private static Map<String, Object> promotion(String name, Object... more) {
        Map<String, Object> body = new LinkedHashMap<>(Map.of("name", name, "mechanic", "BUNDLE", "value", 2,
                "startDate", "2026-03-09", "endDate", "2026-06-09"));
        for (int i = 0; i < more.length; i += 2) {
            body.put((String) more[i], more[i + 1]);
        }
        return body;
    }

    private static String id(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isIn(200, 201);
        return response.json().get("id").asString();
    }

    private static List<String> fields(ApiClient.Response response) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        return response.json().get("errors").findValuesAsString("field");
    }

    @Test
    void aMarketerPlansAPromotionOnProductsAndADiscount() {
        Company company = new Company(port);
        var marketer = company.as(company.hire("MARKETER", null), "MARKETER");
        String anchors = id(marketer.post("/api/deals/products", Map.of("name", "Anchor", "price", "12.50")));
        String screws = id(marketer.post("/api/deals/products", Map.of("name", "Screw", "price", "1.10")));

        var spring = marketer.post("/api/deals/promotions", promotion("Весна 2022", "productIds", List.of(anchors, screws)));
        assertThat(spring.status()).as(spring.body()).isEqualTo(201);
        assertThat(spring.json().get("type").asString()).isEqualTo("PROMOTION");
        assertThat(spring.json().get("productIds").size()).isEqualTo(2);
        String discount = id(marketer.post("/api/deals/promotions", promotion("Minus ten", "type", "DISCOUNT",
                "mechanic", "PERCENT", "value", 10)));

        String springId = spring.json().get("id").asString();
        var fewer = marketer.patch("/api/deals/promotions/" + springId, Map.of("productIds", List.of(screws)));
        assertThat(fewer.status()).as(fewer.body()).isEqualTo(200);
        assertThat(fewer.json().get("productIds").get(0).asString()).isEqualTo(screws);
        assertThat(fewer.json().get("productIds").size()).isEqualTo(1);
        assertThat(marketer.get("/api/deals/promotions?productId=" + screws).json().get("items")
                .findValuesAsString("id")).containsExactly(springId);
        assertThat(marketer.get("/api/deals/promotions?type=DISCOUNT").json().get("items").findValuesAsString("id"))
                .containsExactly(discount);

        var manager = company.as(company.hire("MANAGER", null), "MANAGER");
        assertThat(manager.get("/api/deals/promotions/" + springId).status()).isEqualTo(200);
        assertThat(manager.post("/api/deals/promotions", promotion("Mine")).status()).isEqualTo(403);
        assertThat(manager.patch("/api/deals/promotions/" + springId, Map.of("name", "X")).status()).isEqualTo(403);
        assertThat(manager.delete("/api/deals/promotions/" + springId).status()).isEqualTo(403);
        assertThat(manager.post("/api/deals/promo-codes", Map.of("code", "X", "mechanic", "GIFT", "startDate",
                "2026-01-01")).status()).isEqualTo(403);
        assertThat(company.as(UUID.randomUUID(), "DEVELOPER").get("/api/deals/promotions").status()).isEqualTo(403);
        assertThat(marketer.get("/api/deals/promotions/" + springId).json().get("name").asString())
                .isEqualTo("Весна 2022");
    }

    @Test
    void leadsAndDealsAreAttributedToPromotionsAndPromoCodes() {
        Company company = new Company(port);
        var api = company.admin();
        String spring = id(api.post("/api/deals/promotions", promotion("Spring")));
        String code = id(api.post("/api/deals/promo-codes", Map.of("code", "Spring10", "promotionId", spring,
                "usageLimit", 3, "startDate", "2026-03-09")));
        String lead = id(api.post("/api/deals/leads", Map.of("contactName", "A", "promotionId", spring)));
        id(api.post("/api/deals/leads", Map.of("contactName", "B", "promotionId", spring)));
        String fromLead = id(api.post("/api/deals/leads/" + lead + "/convert", Map.of("amount", "100")));
        api.patch("/api/deals/deals/" + fromLead, Map.of("promoCode", "SPRING10"));
        String won = id(api.post("/api/deals/deals", Map.of("amount", "250", "promoCode", "spring10",
                "promotionId", spring)));
        api.post("/api/deals/deals/" + won + "/move", Map.of("stageId", company.stageId("orders", "successful"),
                "version", 0));

        JsonNode promotion = api.get("/api/deals/promotions/" + spring).json().get("attributed");
        assertThat(promotion.get("leads").asLong()).isEqualTo(2);
        assertThat(promotion.get("convertedLeads").asLong()).isEqualTo(1);
        assertThat(promotion.get("deals").asLong()).as("the converted lead's deal and one more").isEqualTo(2);
        assertThat(promotion.get("wonDeals").asLong()).isEqualTo(1);
        assertThat(promotion.get("won").get(0).get("amount").decimalValue()).isEqualByComparingTo("250");

        JsonNode promoCode = api.get("/api/deals/promo-codes/" + code).json();
        assertThat(promoCode.get("used").asLong()).as("two deals carry it, whatever its case").isEqualTo(2);
        assertThat(promoCode.get("remaining").asLong()).isEqualTo(1);
        assertThat(promoCode.get("attributed").get("leads").asLong()).as("the lead one of them came from")
                .isEqualTo(1);
        assertThat(promoCode.get("attributed").get("wonDeals").asLong()).isEqualTo(1);
        assertThat(api.get("/api/deals/promo-codes?q=ring1").json().get("items").get(0).get("used").asLong())
                .isEqualTo(2);
        assertThat(fields(api.delete("/api/deals/promo-codes/" + code))).containsExactly("id");
        assertThat(fields(api.delete("/api/deals/promotions/" + spring))).containsExactly("id");
    }

    @Test
    void aManagerCannotPutAnUnknownOrUsedUpPromoCodeOnADeal() {
        Company company = new Company(port);
        var api = company.admin();
        id(api.post("/api/deals/promo-codes", Map.of("code", "TWICE", "mechanic", "GIFT", "usageLimit", 2,
                "startDate", "2026-01-01")));
        // a sale made while a code ran may be recorded after it ended
        id(api.post("/api/deals/promo-codes", Map.of("code", "WINTER", "mechanic", "GIFT", "startDate", "2025-12-01",
                "endDate", "2026-02-28")));
        id(api.post("/api/deals/deals", Map.of("amount", "5", "promoCode", "WINTER")));
        String first = id(api.post("/api/deals/deals", Map.of("amount", "10", "promoCode", "twice")));
        String plain = id(api.post("/api/deals/deals", Map.of("amount", "20")));
        assertThat(api.patch("/api/deals/deals/" + plain, Map.of("promoCode", "Twice")).status()).isEqualTo(200);

        assertThat(fields(api.post("/api/deals/deals", Map.of("amount", "30", "promoCode", "TWICE"))))
                .containsExactly("promoCode");
        assertThat(fields(api.post("/api/deals/deals", Map.of("amount", "30", "promoCode", "NOSUCHCODE"))))
                .containsExactly("promoCode");
        // a deal keeping the code it has is not refused for it, and nothing refused was stored
        assertThat(api.patch("/api/deals/deals/" + first, Map.of("comment", "still TWICE")).status()).isEqualTo(200);
        JsonNode code = api.get("/api/deals/promo-codes?q=twice").json().get("items").get(0);
        assertThat(code.get("used").asLong()).isEqualTo(2);
        assertThat(code.get("remaining").asLong()).isZero();
    }

    @Test
    void aPromoCodeIsUniqueInTheCompanyWhateverItsCase() {
        Company company = new Company(port);
        Company other = new Company(port);
        var api = company.admin();
        id(api.post("/api/deals/promo-codes", Map.of("code", "WELCOME", "mechanic", "FREE_DELIVERY",
                "startDate", "2026-01-01")));

        assertThat(fields(api.post("/api/deals/promo-codes", Map.of("code", "welcome", "mechanic", "GIFT",
                "startDate", "2026-01-01")))).containsExactly("code");
        assertThat(api.get("/api/deals/promo-codes").json().get("items").size()).isEqualTo(1);
        assertThat(other.admin().post("/api/deals/promo-codes", Map.of("code", "welcome", "mechanic", "GIFT",
                "startDate", "2026-01-01")).status()).as("another company has its own codes").isEqualTo(201);
        String second = id(api.post("/api/deals/promo-codes", Map.of("code", "SECOND", "mechanic", "PERCENT",
                "value", 5, "startDate", "2026-01-01")));
        assertThat(fields(api.patch("/api/deals/promo-codes/" + second, Map.of("code", "Welcome"))))
                .containsExactly("code");
        assertThat(api.get("/api/deals/promo-codes/" + second).json().get("code").asString()).isEqualTo("SECOND");
    }

    @Test
    void badInputIsRefusedNamingTheFieldAndNothingIsStored() {
        Company company = new Company(port);
        var api = company.admin();

        assertThat(fields(api.post("/api/deals/promotions", promotion("Backwards", "endDate", "2026-01-01"))))
                .containsExactly("endDate");
        assertThat(fields(api.post("/api/deals/promotions", promotion("Negative", "mechanic", "FIXED_AMOUNT",
                "value", -5)))).containsExactly("value");
        assertThat(fields(api.post("/api/deals/promotions", promotion("Too much", "mechanic", "PERCENT",
                "value", 120)))).containsExactly("value");
        assertThat(fields(api.post("/api/deals/promotions", promotion("Money", "mechanic", "FIXED_AMOUNT",
                "value", 50, "currency", "ABC")))).containsExactly("currency");
        assertThat(fields(api.post("/api/deals/promotions", promotion("Unknown", "productIds",
                List.of(UUID.randomUUID().toString()))))).containsExactly("productIds[0]");
        assertThat(fields(api.post("/api/deals/promo-codes", Map.of("code", "NO SPACES!", "mechanic", "GIFT",
                "startDate", "2026-01-01")))).containsExactly("code");
        assertThat(fields(api.post("/api/deals/promo-codes", Map.of("code", "NOTERMS", "startDate", "2026-01-01"))))
                .containsExactly("mechanic");
        assertThat(fields(api.post("/api/deals/promo-codes", Map.of("code", "GHOST", "promotionId",
                UUID.randomUUID().toString(), "startDate", "2026-01-01")))).containsExactly("promotionId");
        assertThat(fields(api.post("/api/deals/promo-codes", Map.of("code", "ZERO", "mechanic", "GIFT",
                "usageLimit", 0, "startDate", "2026-01-01")))).containsExactly("usageLimit");
        assertThat(api.get("/api/deals/promotions").json().get("items").size()).isZero();
        assertThat(api.get("/api/deals/promo-codes").json().get("items").size()).isZero();
    }

    @Test
    void anotherCompanysPromotionsAndCodesAreNotFound() {
        Company company = new Company(port);
        Company stranger = new Company(port);
        String promotion = id(company.admin().post("/api/deals/promotions", promotion("Mine")));
        String code = id(company.admin().post("/api/deals/promo-codes", Map.of("code", "MINE", "promotionId",
                promotion, "startDate", "2026-01-01")));
        var admin = stranger.admin();

        assertThat(admin.get("/api/deals/promotions/" + promotion).status()).isEqualTo(404);
        assertThat(admin.patch("/api/deals/promotions/" + promotion, Map.of("name", "Taken")).status()).isEqualTo(404);
        assertThat(admin.get("/api/deals/promo-codes/" + code).status()).isEqualTo(404);
        assertThat(admin.delete("/api/deals/promo-codes/" + code).status()).isEqualTo(404);
        assertThat(fields(admin.post("/api/deals/promo-codes", Map.of("code", "THEIRS", "promotionId", promotion,
                "startDate", "2026-01-01")))).containsExactly("promotionId");
        assertThat(admin.get("/api/deals/promotions").json().get("items").size()).isZero();
        assertThat(company.admin().get("/api/deals/promo-codes/" + code).status()).isEqualTo(200);
    }
}
