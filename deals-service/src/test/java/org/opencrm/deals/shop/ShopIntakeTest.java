package org.opencrm.deals.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.opencrm.deals.Company;
import org.opencrm.platform.events.EventHeaders;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.deals.OrderReceived;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TestDatabase;
import org.opencrm.platform.test.TestTokens;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

/**
 * Bulk order feeds: answered with a receipt before the orders are stored, then stored once, in the order the
 * requests came, with the outcome of each order on the receipt; bad requests keep nothing; receipts are the
 * company's own; a receipt left behind by an instance that died is stored by another.
 */
@CrmIntegrationTest
class ShopIntakeTest {

    private static final String BULK = "/api/integrations/shop/orders/bulk";

    @LocalServerPort
    int port;

    private ApiClient shop(Company company) {
        return ApiClient.onPort(port).withToken(TestTokens.integrationToken(company.tenant, UUID.randomUUID(),
                "shop:write"));
    }

    private static String order(String orderId, long version, String customerId, String quantity) {
        return """
                {"orderId": "%s", "version": %d, "currency": "uah", "paymentType": "CASH_ON_DELIVERY",
                 "customer": {"customerId": "%s", "name": "Olena Kovalenko", "phone": "+380671234567"},
                 "lines": [{"sku": "ANC-860", "name": "Anchor 8x60", "quantity": %s, "unitPrice": 12.50}]}"""
                .formatted(orderId, version, customerId, quantity);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    private JsonNode done(Company company, String receiptId) {
        return await().atMost(Duration.ofSeconds(20)).until(
                () -> shop(company).get("/api/integrations/shop/receipts/" + receiptId).json(),
                receipt -> "DONE".equals(receipt.get("status").asString()));
    }

    @Test
    void aBulkFeedIsAnsweredAtOnceAndItsOrdersBecomeDealsOnceInTheOrderSent() throws Exception {
        Company company = new Company(port);
        String a = "a-" + unique();
        String c = "c-" + unique();
        try (var events = TopicProbe.on(Topics.DEALS_ORDER)) {
            var first = shop(company).post(BULK, "[" + order(a, 1, "k-1", "2") + ", "
                    + order("b-" + unique(), 1, "k-2", "1").replace("\"uah\"", "\"UAX\"") + ", "
                    + order(c, 1, "k-3", "1") + "]");

            assertThat(first.status()).as(first.body()).isEqualTo(202);
            assertThat(first.json().get("accepted").asInt()).isEqualTo(2);
            assertThat(first.json().get("rejected").asInt()).isEqualTo(1);
            assertThat(first.json().get("results").get(0).get("errors").get(0).get("field").asString())
                    .isEqualTo("[1].currency");
            JsonNode stored = done(company, first.json().get("receiptId").asString());
            assertThat(Company.each(stored.get("results"), "result")).containsExactly("CREATED", "REJECTED", "CREATED");
            assertThat(Company.each(stored.get("results"), "index")).containsExactly("0", "1", "2");
            String dealA = stored.get("results").get(0).get("dealId").asString();

            // the shop changes order a, sends c again unchanged, then an older copy of a comes late
            var second = shop(company).post(BULK, "[" + order(a, 2, "k-1", "3") + ", " + order(c, 1, "k-3", "1") + "]");
            JsonNode updated = done(company, second.json().get("receiptId").asString());
            assertThat(Company.each(updated.get("results"), "result")).containsExactly("UPDATED", "UNCHANGED");
            assertThat(updated.get("results").get(0).get("dealId").asString()).isEqualTo(dealA);
            var late = shop(company).post(BULK, "[" + order(a, 1, "k-1", "2") + "]");
            JsonNode stale = done(company, late.json().get("receiptId").asString());
            assertThat(Company.each(stale.get("results"), "result")).containsExactly("STALE");

            var deal = company.admin().get("/api/deals/deals/" + dealA).json();
            assertThat(deal.get("amount").decimalValue()).isEqualByComparingTo("37.50");
            assertThat(deal.get("stageId").asString()).isEqualTo(company.stageId("orders", "new-order"));
            await().atMost(Duration.ofSeconds(10)).until(() -> events.records(of(OrderReceived.TYPE, dealA)).size() == 2);
            assertThat(events.records(r -> OrderReceived.TYPE.equals(TopicProbe.header(r, EventHeaders.TYPE))
                    && company.tenant.toString().equals(TopicProbe.header(r, EventHeaders.TENANT_ID))))
                    .as("a created, a updated, c created").hasSize(3);
        }
        assertThat(Company.count("select count(*) from deal where tenant_id = ? and shop_order_id is not null",
                company.tenant)).isEqualTo(2);
    }

    @Test
    void manyBulkFeedsAtOnceStoreEveryOrderOnceAndTheHighestVersionWins() throws Exception {
        Company company = new Company(port);
        String prefix = unique();
        List<String> receipts = new ArrayList<>();
        for (int version = 1; version <= 6; version++) {
            StringBuilder body = new StringBuilder("[");
            for (int i = 0; i < 50; i++) {
                body.append(i == 0 ? "" : ", ").append(order(prefix + "-" + i, version, "k-" + (i % 7), "" + version));
            }
            var response = shop(company).post(BULK, body.append("]").toString());
            assertThat(response.status()).as(response.body()).isEqualTo(202);
            receipts.add(response.json().get("receiptId").asString());
        }
        receipts.forEach(id -> done(company, id));

        assertThat(Company.count("select count(*) from shop_order where tenant_id = ?", company.tenant)).isEqualTo(50);
        assertThat(Company.count("select count(*) from deal where tenant_id = ?", company.tenant)).isEqualTo(50);
        assertThat(Company.count("select count(*) from shop_order where tenant_id = ? and shop_version = 6",
                company.tenant)).as("every order at its last version").isEqualTo(50);
        assertThat(Company.count("select count(*) from deal where tenant_id = ? and amount = 75.00", company.tenant))
                .isEqualTo(50);
    }

    @Test
    void aBadBulkRequestKeepsNothingAndOnlyTheShopScopeMayUseIt() throws Exception {
        Company company = new Company(port);
        var api = shop(company);
        assertThat(api.post(BULK, "[{\"orderId\": ").status()).isEqualTo(400);
        assertThat(api.post(BULK, "[]").status()).isEqualTo(400);
        var notArray = api.post(BULK, order("o-1", 1, "k-1", "1"));
        assertThat(notArray.status()).isEqualTo(400);
        assertThat(notArray.body()).contains("\"body\"");
        assertThat(ApiClient.onPort(port).post(BULK, "[" + order("o-1", 1, "k-1", "1") + "]").status())
                .isEqualTo(401);
        assertThat(company.as(UUID.randomUUID(), "ADMIN").post(BULK, "[" + order("o-1", 1, "k-1", "1") + "]")
                .status()).as("a user's token is not a shop's").isEqualTo(403);

        String secret = "a-long-shared-secret-" + unique();
        assertThat(company.admin().put("/api/deals/shop/settings", Map.of("signingSecret", secret)).status())
                .isEqualTo(200);
        String body = "[" + order("o-2", 1, "k-1", "1") + "]";
        assertThat(api.post(BULK, body).status()).as("unsigned").isEqualTo(401);
        String signature = "sha256=" + HexFormat.of().formatHex(ShopSignatures.sign(secret,
                body.getBytes(StandardCharsets.UTF_8)));
        assertThat(api.withHeader(ShopSignatures.HEADER, signature).post(BULK, body.replace("o-2", "o-9"))
                .status()).as("tampered").isEqualTo(401);
        assertThat(Company.count("select count(*) from shop_intake where tenant_id = ?", company.tenant)).isZero();

        var allRejected = api.withHeader(ShopSignatures.HEADER, "sha256=" + HexFormat.of().formatHex(
                ShopSignatures.sign(secret, "[{\"orderId\": \"o-3\"}]".getBytes(StandardCharsets.UTF_8))))
                .post(BULK, "[{\"orderId\": \"o-3\"}]");
        assertThat(allRejected.status()).as(allRejected.body()).isEqualTo(202);
        assertThat(allRejected.json().get("status").asString()).as("nothing left to store").isEqualTo("DONE");
        assertThat(Company.each(allRejected.json().get("results"), "result")).containsExactly("REJECTED");
        assertThat(api.withHeader(ShopSignatures.HEADER, signature).post(BULK, body).status()).isEqualTo(202);
    }

    @Test
    void aReceiptIsOnlyItsCompanysOwnAndOnlyTheShopsToRead() {
        Company company = new Company(port);
        Company other = new Company(port);
        String receipt = shop(company).post(BULK, "[" + order("o-" + unique(), 1, "k-1", "1") + "]").json()
                .get("receiptId").asString();
        done(company, receipt);

        assertThat(shop(other).get("/api/integrations/shop/receipts/" + receipt).status()).isEqualTo(404);
        assertThat(shop(company).get("/api/integrations/shop/receipts/" + UUID.randomUUID()).status()).isEqualTo(404);
        assertThat(shop(company).get("/api/integrations/shop/receipts/not-an-id").status()).isEqualTo(400);
        assertThat(ApiClient.onPort(port).get("/api/integrations/shop/receipts/" + receipt).status()).isEqualTo(401);
        assertThat(company.admin().get("/api/integrations/shop/receipts/" + receipt).status())
                .as("a user's token is not a shop's").isEqualTo(403);
        assertThat(ApiClient.onPort(port).withToken(TestTokens.integrationToken(company.tenant, UUID.randomUUID(),
                "telephony:write")).get("/api/integrations/shop/receipts/" + receipt).status()).isEqualTo(403);
    }

    @Test
    void aReceiptClaimedByAnInstanceThatDiedIsStoredOnceItsClaimIsStale() throws Exception {
        Company company = new Company(port);
        String id = "o-" + unique();
        UUID receipt = UUID.randomUUID();
        // what an instance that died mid-round leaves: the receipt claimed an hour ago, never done
        try (var db = TestDatabase.get().connect(); var insert = db.prepareStatement("""
                insert into shop_intake (id, tenant_id, body, items, rejected, state, attempts, received_at, claimed_at)
                values (?, ?, ?, 1, '[]', 'PROCESSING', 1, now() - interval '1 hour', now() - interval '1 hour')""")) {
            insert.setObject(1, receipt);
            insert.setObject(2, company.tenant);
            insert.setBytes(3, ("[" + order(id, 1, "k-1", "4") + "]").getBytes(StandardCharsets.UTF_8));
            insert.executeUpdate();
        }

        JsonNode stored = done(company, receipt.toString());
        assertThat(Company.each(stored.get("results"), "result")).containsExactly("CREATED");
        assertThat(Company.count("select count(*) from deal where tenant_id = ? and shop_order_id = ? and amount = 50.00",
                company.tenant, id)).isEqualTo(1);
    }

    private static java.util.function.Predicate<ConsumerRecord<String, byte[]>> of(String type, String subject) {
        return r -> type.equals(TopicProbe.header(r, EventHeaders.TYPE)) && subject.equals(r.key());
    }
}
