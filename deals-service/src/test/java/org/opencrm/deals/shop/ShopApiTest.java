package org.opencrm.deals.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.opencrm.deals.Company;
import org.opencrm.platform.events.EventHeaders;
import org.opencrm.platform.events.Topics;
import org.opencrm.platform.events.contacts.ContactUpserted;
import org.opencrm.platform.events.deals.OrderReceived;
import org.opencrm.platform.events.deals.PaymentReceived;
import org.opencrm.platform.events.deals.ReturnApproved;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.CrmIntegrationTest;
import org.opencrm.platform.test.TestTokens;
import org.opencrm.platform.test.TopicProbe;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The shop integration through HTTP with integration tokens (what the gateway forwards for an API key): orders
 * become deals once, payments wait for their orders, batches answer per item, bad input and bad signatures
 * store nothing, another company's order ids are unknown, returns are decided by managers, loyalty points
 * add up, and contact.upserted links the customer's deals.
 */
@CrmIntegrationTest
class ShopApiTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    private ApiClient shop(Company company) {
        return ApiClient.onPort(port).withToken(TestTokens.integrationToken(company.tenant, UUID.randomUUID(),
                "shop:write"));
    }

    private static String order(String orderId, long version, String customerId, String phone, String... lines) {
        return """
                {"orderId": "%s", "version": %d, "currency": "uah", "paymentType": "CASH_ON_DELIVERY",
                 "orderedAt": "2026-11-25T09:58:00Z",
                 "customer": {"customerId": "%s", "name": "Olena Kovalenko", "phone": "%s", "email": "olena@example.com"},
                 "lines": [%s]}""".formatted(orderId, version, customerId, phone, String.join(", ", lines));
    }

    private static String line(String sku, String quantity, String price) {
        return """
                {"sku": "%s", "name": "Item %s", "quantity": %s, "unitPrice": %s}""".formatted(sku, sku, quantity, price);
    }

    private static String unique() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void anOrderBecomesADealOfTheOrderFunnelOnceAndTheSameOrderAgainChangesNothing() throws Exception {
        Company company = new Company(port);
        String id = "o-" + unique();
        String body = order(id, 1, "c-" + unique(), "+380671234567", line("ANC-860", "100", "12.50"),
                line("MNT-1", "1", "300"));
        try (var orders = TopicProbe.on(Topics.DEALS_ORDER)) {
            var first = shop(company).post("/api/integrations/shop/orders", body);
            var again = shop(company).post("/api/integrations/shop/orders", body);

            assertThat(first.status()).as(first.body()).isEqualTo(202);
            assertThat(first.json().get("result").asString()).isEqualTo("CREATED");
            assertThat(again.status()).isEqualTo(202);
            assertThat(again.json().get("result").asString()).isEqualTo("UNCHANGED");
            String dealId = first.json().get("dealId").asString();
            assertThat(again.json().get("dealId").asString()).isEqualTo(dealId);

            var deal = company.admin().get("/api/deals/deals/" + dealId).json();
            assertThat(deal.get("amount").decimalValue()).isEqualByComparingTo("1550.00");
            assertThat(deal.get("currency").asString()).isEqualTo("UAH");
            assertThat(deal.get("shopOrderId").asString()).isEqualTo(id);
            assertThat(deal.get("paymentStatus").asString()).isEqualTo("NOT_PAID");
            assertThat(deal.get("paymentType").asString()).isEqualTo("CASH_ON_DELIVERY");
            assertThat(deal.get("stageId").asString()).isEqualTo(company.stageId("orders", "new-order"));
            assertThat(Company.each(deal.get("lines"), "name")).containsExactly("Item ANC-860", "Item MNT-1");

            JsonNode event = JSON.readTree(orders.awaitRecord(typed(OrderReceived.TYPE, dealId)).value());
            assertThat(event.get("firstTime").asBoolean()).isTrue();
            assertThat(event.get("customer").get("phone").asString()).isEqualTo("+380671234567");
            assertThat(event.get("lines").get(0).get("sku").asString()).isEqualTo("ANC-860");
            await().pollDelay(java.time.Duration.ofSeconds(1)).until(() -> true);
            assertThat(orders.records(typed(OrderReceived.TYPE, dealId))).as("one event for one order").hasSize(1);
        }
        assertThat(Company.count("select count(*) from deal where tenant_id = ? and shop_order_id = ?", company.tenant,
                id)).isEqualTo(1);
        assertThat(Company.count("select count(*) from product where tenant_id = ? and sku in ('ANC-860', 'MNT-1')",
                company.tenant)).as("products created by SKU").isEqualTo(2);
    }

    @Test
    void aNewerVersionOfAnOrderUpdatesItsDealAndAnOlderOneIsIgnored() {
        Company company = new Company(port);
        String id = "o-" + unique();
        var created = shop(company).post("/api/integrations/shop/orders", order(id, 5, "c-1", "+380671234567",
                line("A-1", "2", "10")));
        var updated = shop(company).post("/api/integrations/shop/orders", order(id, 7, "c-1", "+380671234567",
                line("A-1", "3", "10")));
        var older = shop(company).post("/api/integrations/shop/orders", order(id, 6, "c-1", "+380671234567",
                line("A-1", "9", "10")));

        assertThat(updated.json().get("result").asString()).isEqualTo("UPDATED");
        assertThat(older.json().get("result").asString()).isEqualTo("STALE");
        var deal = company.admin().get("/api/deals/deals/" + created.json().get("dealId").asString()).json();
        assertThat(deal.get("amount").decimalValue()).isEqualByComparingTo("30.00");
        assertThat(deal.get("lines").get(0).get("quantity").decimalValue()).isEqualByComparingTo("3");
    }

    @Test
    void aPaymentBeforeItsOrderIsKeptAndAppliedWhenTheOrderComes() {
        Company company = new Company(port);
        String id = "o-" + unique();
        String payment = """
                {"paymentId": "p-%s", "orderId": "%s", "status": "SUCCESSFUL", "paymentType": "CARD_ONLINE",
                 "amount": 20, "currency": "UAH", "paidAt": "2026-11-25T10:05:00Z"}""".formatted(id, id);
        try (var orders = TopicProbe.on(Topics.DEALS_ORDER)) {
            var early = shop(company).post("/api/integrations/shop/payments", payment);
            var twice = shop(company).post("/api/integrations/shop/payments", payment);
            var order = shop(company).post("/api/integrations/shop/orders", order(id, 1, "c-1", "+380671234567",
                    line("A-1", "2", "10")));

            assertThat(early.status()).as(early.body()).isEqualTo(202);
            assertThat(early.json().get("result").asString()).isEqualTo("PENDING");
            assertThat(twice.json().get("result").asString()).isEqualTo("UNCHANGED");
            String dealId = order.json().get("dealId").asString();
            var deal = company.admin().get("/api/deals/deals/" + dealId).json();
            assertThat(deal.get("paymentStatus").asString()).isEqualTo("SUCCESSFUL");
            assertThat(deal.get("paymentType").asString()).isEqualTo("CARD_ONLINE");
            orders.awaitRecord(typed(PaymentReceived.TYPE, dealId));

            var later = shop(company).post("/api/integrations/shop/payments", """
                    {"paymentId": "p2-%s", "orderId": "%s", "status": "ERROR", "paidAt": "2026-11-25T11:00:00Z"}"""
                    .formatted(id, id));
            assertThat(later.json().get("result").asString()).isEqualTo("APPLIED");
            assertThat(company.admin().get("/api/deals/deals/" + dealId).json().get("paymentStatus").asString())
                    .isEqualTo("ERROR");
            var stale = shop(company).post("/api/integrations/shop/payments", """
                    {"paymentId": "p3-%s", "orderId": "%s", "status": "PAID", "paidAt": "2026-11-25T10:30:00Z"}"""
                    .formatted(id, id));
            assertThat(stale.json().get("result").asString()).isEqualTo("STALE");
        }
    }

    @Test
    void aBatchAnswersEachItemAndStoresOnlyTheValidOnes() throws Exception {
        Company company = new Company(port);
        String a = "o-" + unique();
        String b = "o-" + unique();
        String body = "[" + order(a, 1, "c-1", "+380671234567", line("A-1", "1", "10")) + ", "
                + order(b, 1, "c-2", "+380671234568", line("A-1", "1", "10")).replace("\"uah\"", "\"UAX\"") + ", "
                + order("o-" + unique(), 1, "c-3", "+380671234569", "{\"quantity\": 1, \"unitPrice\": 1}") + ", "
                + order(a, 1, "c-1", "+380671234567", line("A-1", "1", "10")) + "]";

        var batch = shop(company).post("/api/integrations/shop/orders/batch", body);

        assertThat(batch.status()).as(batch.body()).isEqualTo(202);
        assertThat(batch.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(batch.json().get("rejected").asInt()).isEqualTo(2);
        var results = batch.json().get("results");
        assertThat(Company.each(results, "result")).containsExactly("UNCHANGED", "REJECTED", "REJECTED", "CREATED");
        assertThat(results.get(1).get("errors").get(0).get("field").asString()).isEqualTo("[1].currency");
        assertThat(results.get(2).get("errors").get(0).get("field").asString()).isEqualTo("[2].lines[0].sku");
        assertThat(Company.count("select count(*) from shop_order where tenant_id = ?", company.tenant)).isEqualTo(1);
    }

    @Test
    void malformedOrdersAreRefusedNamingTheFieldAndNothingIsStored() throws Exception {
        Company company = new Company(port);
        var api = shop(company);

        var notIso = api.post("/api/integrations/shop/orders", order("o-1", 1, "c-1", "+380671234567",
                line("A-1", "1", "10")).replace("\"uah\"", "\"UAX\""));
        var negative = api.post("/api/integrations/shop/orders", order("o-1", 1, "c-1", "+380671234567",
                line("A-1", "1", "-10")));
        var noProduct = api.post("/api/integrations/shop/orders", order("o-1", 1, "c-1", "+380671234567",
                "{\"quantity\": 1, \"unitPrice\": 1}"));
        var badType = api.post("/api/integrations/shop/orders", order("o-1", 1, "c-1", "+380671234567",
                line("A-1", "\"many\"", "1")));
        var notJson = api.post("/api/integrations/shop/orders", "{\"orderId\": ");
        var withShopExtras = api.post("/api/integrations/shop/orders", order("o-extra", 1, "c-1", "+380671234567",
                line("A-1", "1", "10")).replace("\"version\"", "\"shopTheme\": \"dark\", \"version\""));

        assertThat(notIso.status()).isEqualTo(400);
        assertThat(notIso.body()).contains("\"currency\"");
        assertThat(negative.status()).isEqualTo(400);
        assertThat(negative.body()).contains("lines[0].unitPrice");
        assertThat(noProduct.status()).isEqualTo(400);
        assertThat(noProduct.body()).contains("lines[0].sku");
        assertThat(badType.status()).isEqualTo(400);
        assertThat(badType.body()).contains("lines[0].quantity");
        assertThat(notJson.status()).isEqualTo(400);
        assertThat(withShopExtras.status()).as("fields the CRM does not know are ignored").isEqualTo(202);
        assertThat(Company.count("select count(*) from shop_order where tenant_id = ? and shop_order_id <> 'o-extra'",
                company.tenant)).isZero();
    }

    @Test
    void withASigningSecretOnlyCorrectlySignedRequestsAreStored() throws Exception {
        Company company = new Company(port);
        String secret = "a-long-shared-secret-" + unique();
        assertThat(company.admin().put("/api/deals/shop/settings", Map.of("signingSecret", secret)).status())
                .isEqualTo(200);
        String body = order("o-" + unique(), 1, "c-1", "+380671234567", line("A-1", "1", "10"));
        String good = "sha256=" + HexFormat.of().formatHex(ShopSignatures.sign(secret,
                body.getBytes(StandardCharsets.UTF_8)));

        var unsigned = shop(company).post("/api/integrations/shop/orders", body);
        var wrong = shop(company).withHeader(ShopSignatures.HEADER, good.replace('a', 'b').replace('1', '2'))
                .post("/api/integrations/shop/orders", body);
        var tampered = shop(company).withHeader(ShopSignatures.HEADER, good)
                .post("/api/integrations/shop/orders", body.replace("\"10\"", "\"1\"").replace("10}", "1}"));
        assertThat(unsigned.status()).isEqualTo(401);
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(tampered.status()).isEqualTo(401);
        assertThat(Company.count("select count(*) from shop_order where tenant_id = ?", company.tenant)).isZero();

        var signed = shop(company).withHeader(ShopSignatures.HEADER, good).post("/api/integrations/shop/orders", body);
        assertThat(signed.status()).as(signed.body()).isEqualTo(202);
        assertThat(Company.count("""
                select count(*) from shop_settings where tenant_id = ? and signing_secret like 'v1:%'
                and position(? in signing_secret) = 0""", company.tenant, secret)).as("stored encrypted").isEqualTo(1);

        // a company whose secret was stored before secrets were encrypted: still checked, and encrypted then
        Company older = new Company(port);
        String plain = "an-old-plain-shop-secret-" + unique();
        try (var db = org.opencrm.platform.test.TestDatabase.get().connect(); var insert = db.prepareStatement(
                "insert into shop_settings (tenant_id, signing_secret, updated_at) values (?, ?, now())")) {
            insert.setObject(1, older.tenant);
            insert.setString(2, plain);
            insert.executeUpdate();
        }
        var settings = older.admin().get("/api/deals/shop/settings");
        assertThat(settings.status()).as(settings.body()).isEqualTo(200);
        assertThat(settings.body()).doesNotContain(plain);
        assertThat(shop(older).post("/api/integrations/shop/orders", body).status()).isEqualTo(401);
        assertThat(shop(older).withHeader(ShopSignatures.HEADER, "sha256=" + HexFormat.of().formatHex(
                ShopSignatures.sign(plain, body.getBytes(StandardCharsets.UTF_8))))
                .post("/api/integrations/shop/orders", body).status()).isEqualTo(202);
        assertThat(Company.count("select count(*) from shop_settings where tenant_id = ? and signing_secret like 'v1:%'",
                older.tenant)).isEqualTo(1);
        assertThat(company.as(UUID.randomUUID(), "MANAGER").put("/api/deals/shop/settings",
                Map.of("signingSecret", secret)).status()).as("settings are the ADMIN's").isEqualTo(403);
    }

    @Test
    void onlyIntegrationTokensWithTheShopScopeMayPush() {
        Company company = new Company(port);
        String body = order("o-" + unique(), 1, "c-1", "+380671234567", line("A-1", "1", "10"));
        var person = company.admin().post("/api/integrations/shop/orders", body);
        var telephony = ApiClient.onPort(port).withToken(TestTokens.integrationToken(company.tenant, UUID.randomUUID(),
                "telephony:write")).post("/api/integrations/shop/orders", body);
        var none = ApiClient.onPort(port).post("/api/integrations/shop/orders", body);
        var docs = ApiClient.onPort(port).get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").propertyNames()).contains("/api/integrations/shop/orders",
                "/api/integrations/shop/orders/batch", "/api/integrations/shop/payments", "/api/deals/returns/{id}/approve");
        assertThat(docs.body()).as("with examples").contains("cust-4411");
        assertThat(person.status()).isEqualTo(403);
        assertThat(telephony.status()).isEqualTo(403);
        assertThat(none.status()).isEqualTo(401);
    }

    @Test
    void anotherCompanysOrderIdIsUnknown() throws Exception {
        Company mine = new Company(port);
        Company theirs = new Company(port);
        String id = "o-" + unique();
        String myDeal = shop(mine).post("/api/integrations/shop/orders", order(id, 1, "c-1", "+380671234567",
                line("A-1", "1", "10"))).json().get("dealId").asString();

        var payment = shop(theirs).post("/api/integrations/shop/payments", """
                {"paymentId": "p-%s", "orderId": "%s", "status": "SUCCESSFUL"}""".formatted(id, id));
        var ret = shop(theirs).post("/api/integrations/shop/returns", """
                {"returnId": "r-%s", "orderId": "%s", "reason": "x", "items": [{"sku": "A-1", "quantity": 1}]}"""
                .formatted(id, id));
        var theirOrder = shop(theirs).post("/api/integrations/shop/orders", order(id, 1, "c-1", "+380671234567",
                line("A-1", "1", "10")));

        assertThat(payment.json().get("result").asString()).isEqualTo("PENDING");
        assertThat(mine.admin().get("/api/deals/deals/" + myDeal).json().get("paymentStatus").asString())
                .isEqualTo("NOT_PAID");
        assertThat(ret.status()).isEqualTo(400);
        assertThat(ret.body()).contains("orderId");
        assertThat(theirOrder.json().get("result").asString()).isEqualTo("CREATED");
        assertThat(theirOrder.json().get("dealId").asString()).isNotEqualTo(myDeal);
        assertThat(theirs.admin().get("/api/deals/deals/" + myDeal).status()).isEqualTo(404);
    }

    @Test
    void aManagerApprovesOrRejectsAReturnTheShopRequested() {
        Company company = new Company(port);
        String id = "o-" + unique();
        shop(company).post("/api/integrations/shop/orders", order(id, 1, "c-1", "+380671234567",
                line("A-1", "5", "10")));
        String ret = """
                {"returnId": "r1-%s", "orderId": "%s", "reason": "Wrong size", "comment": "Box unopened",
                 "fileName": "photo.jpg", "fileUrl": "https://shop.example/r/1.jpg",
                 "items": [{"sku": "A-1", "quantity": 2}]}""".formatted(id, id);
        try (var orders = TopicProbe.on(Topics.DEALS_ORDER)) {
            var requested = shop(company).post("/api/integrations/shop/returns", ret);
            var again = shop(company).post("/api/integrations/shop/returns", ret);
            assertThat(requested.status()).as(requested.body()).isEqualTo(202);
            assertThat(again.json().get("result").asString()).isEqualTo("UNCHANGED");

            var list = company.admin().get("/api/deals/returns?status=REQUESTED").json();
            assertThat(list.size()).isEqualTo(1);
            var managers = company.as(UUID.randomUUID(), "MANAGER").get("/api/deals/returns");
            assertThat(managers.status()).as(managers.body()).isEqualTo(200);
            assertThat(managers.json().size()).as("a shop order's deal is unassigned: every manager sees it").isEqualTo(1);
            String returnId = list.get(0).get("id").asString();
            assertThat(list.get(0).get("items").get(0).get("name").asString()).isEqualTo("Item A-1");
            assertThat(list.get(0).get("orderId").asString()).isEqualTo(id);

            var marketer = company.as(UUID.randomUUID(), "MARKETER").post("/api/deals/returns/" + returnId + "/approve",
                    Map.of());
            var stranger = new Company(port).admin().post("/api/deals/returns/" + returnId + "/approve", Map.of());
            var approved = company.admin().post("/api/deals/returns/" + returnId + "/approve",
                    Map.of("note", "Refund by card"));
            var rejectedAfter = company.admin().post("/api/deals/returns/" + returnId + "/reject", Map.of());

            assertThat(marketer.status()).isEqualTo(403);
            assertThat(stranger.status()).isEqualTo(404);
            assertThat(approved.status()).as(approved.body()).isEqualTo(200);
            assertThat(approved.json().get("status").asString()).isEqualTo("APPROVED");
            assertThat(approved.json().get("decidedBy").asString()).isEqualTo(company.admin.toString());
            assertThat(rejectedAfter.status()).isEqualTo(409);
            orders.awaitRecord(record -> ReturnApproved.TYPE.equals(TopicProbe.header(record, EventHeaders.TYPE))
                    && new String(record.value(), StandardCharsets.UTF_8).contains(returnId));
        }
        var second = shop(company).post("/api/integrations/shop/returns", """
                {"returnId": "r2-%s", "orderId": "%s", "reason": "Broken", "items": [{"sku": "A-1", "quantity": 1}]}"""
                .formatted(id, id)).json();
        String secondId = company.admin().get("/api/deals/returns?status=REQUESTED").json().get(0).get("id").asString();
        var rejected = company.admin().post("/api/deals/returns/" + secondId + "/reject", Map.of("note", "Used"));
        assertThat(second.get("result").asString()).isEqualTo("CREATED");
        assertThat(rejected.json().get("status").asString()).isEqualTo("REJECTED");
    }

    @Test
    void contactUpsertedLinksTheCustomersDealsAndLaterOrdersAndTheLoyaltyCard() throws Exception {
        Company company = new Company(port);
        String customer = "c-" + unique();
        String firstOrder = shop(company).post("/api/integrations/shop/orders", order("o-" + unique(), 1, customer,
                "+380671234567", line("A-1", "1", "10"))).json().get("dealId").asString();
        assertThat(shop(company).post("/api/integrations/shop/loyalty", Map.of("entryId", "e1-" + customer,
                "customerId", customer, "points", 100, "reason", "order")).json().get("result").asString())
                .isEqualTo("CREATED");
        assertThat(shop(company).post("/api/integrations/shop/loyalty", Map.of("entryId", "e1-" + customer,
                "customerId", customer, "points", 100)).json().get("result").asString()).isEqualTo("UNCHANGED");
        var spent = shop(company).post("/api/integrations/shop/loyalty", Map.of("entryId", "e2-" + customer,
                "customerId", customer, "points", -30, "reason", "discount"));
        var overspent = shop(company).post("/api/integrations/shop/loyalty", Map.of("entryId", "e3-" + customer,
                "customerId", customer, "points", -500));
        assertThat(spent.status()).isEqualTo(202);
        assertThat(overspent.status()).isEqualTo(400);
        assertThat(overspent.body()).contains("points");

        UUID contact = UUID.randomUUID();
        TopicProbe.publish(new ContactUpserted(contact, true, "ACTIVE", "created", customer, null, UUID.fromString(
                firstOrder), null, Instant.now()), company.tenant, null);

        await().until(() -> contact.toString().equals(company.admin().get("/api/deals/deals/" + firstOrder).json()
                .path("contactId").asString(null)));
        String laterOrder = shop(company).post("/api/integrations/shop/orders", order("o-" + unique(), 1, customer,
                "+380671234567", line("A-1", "1", "10"))).json().get("dealId").asString();
        assertThat(company.admin().get("/api/deals/deals/" + laterOrder).json().get("contactId").asString())
                .as("a linked customer's later order gets the contact at once").isEqualTo(contact.toString());

        var card = company.admin().get("/api/deals/loyalty/" + contact).json();
        assertThat(card.get("balance").asLong()).isEqualTo(70);
        assertThat(Company.each(card.get("entries"), "points")).containsExactly("-30", "100");
        assertThat(new Company(port).admin().get("/api/deals/loyalty/" + contact).json().get("balance").asLong())
                .as("another company sees nothing of it").isZero();
    }

    @Test
    void shopEventsCarryExactlyTheFieldsOfTheirGoldenSamples() {
        Company company = new Company(port);
        String id = "o-" + unique();
        String customer = "c-" + unique();
        try (var orders = TopicProbe.on(Topics.DEALS_ORDER)) {
            shop(company).post("/api/integrations/shop/payments", """
                    {"paymentId": "p-%s", "orderId": "%s", "status": "SUCCESSFUL", "amount": 10, "currency": "UAH"}"""
                    .formatted(id, id));
            String deal = shop(company).post("/api/integrations/shop/orders", order(id, 1, customer, "+380671234567",
                    line("A-1", "1", "10"))).json().get("dealId").asString();
            shop(company).post("/api/integrations/shop/returns", """
                    {"returnId": "r1-%s", "orderId": "%s", "reason": "x", "items": [{"sku": "A-1", "quantity": 1}]}"""
                    .formatted(id, id));
            shop(company).post("/api/integrations/shop/returns", """
                    {"returnId": "r2-%s", "orderId": "%s", "reason": "x", "status": "REJECTED",
                     "items": [{"sku": "A-1", "quantity": 1}]}""".formatted(id, id));
            shop(company).post("/api/integrations/shop/returns", """
                    {"returnId": "r3-%s", "orderId": "%s", "reason": "x", "status": "APPROVED",
                     "items": [{"sku": "A-1", "quantity": 1}]}""".formatted(id, id));
            shop(company).post("/api/integrations/shop/loyalty", Map.of("entryId", "e-" + id, "customerId", customer,
                    "points", 5));
            for (String type : List.of(OrderReceived.TYPE, PaymentReceived.TYPE, "return.requested", "return.approved",
                    "return.rejected", "loyalty.points-changed")) {
                var record = orders.awaitRecord(r -> type.equals(TopicProbe.header(r, EventHeaders.TYPE))
                        && company.tenant.toString().equals(TopicProbe.header(r, EventHeaders.TENANT_ID)));
                JsonNode sent = JSON.readTree(record.value());
                JsonNode golden = JSON.readTree(org.opencrm.platform.events.GoldenSamples.read(type));
                assertThat(sent.propertyNames()).as(type).containsExactlyInAnyOrderElementsOf(golden.propertyNames());
                if (!type.startsWith("loyalty")) {
                    assertThat(record.key()).as(type + " is keyed by the order's deal").isEqualTo(deal);
                }
            }
        }
    }

    @Test
    void aConvertedLeadAndItsDealAreLinkedToTheContactContactsServiceAnswered() {
        Company company = new Company(port);
        var api = company.admin();
        String lead = api.post("/api/deals/leads", Map.of("contactName", "Антонов Артем", "phone", "+380996453478"))
                .json().get("id").asString();
        String deal = api.post("/api/deals/leads/" + lead + "/convert", Map.of("amount", "1250.00")).json().get("id")
                .asString();
        UUID contact = UUID.randomUUID();

        TopicProbe.publish(new ContactUpserted(contact, true, "ACTIVE", "created", null, null, UUID.fromString(deal),
                UUID.fromString(lead), Instant.now()), company.tenant, null);

        await().until(() -> contact.toString().equals(api.get("/api/deals/deals/" + deal).json().path("contactId")
                .asString(null)));
        assertThat(api.get("/api/deals/leads/" + lead).json().get("contactId").asString()).isEqualTo(contact.toString());
        // another company's answer naming this deal links nothing
        UUID stranger = UUID.randomUUID();
        String other = api.post("/api/deals/deals", Map.of("amount", "1")).json().get("id").asString();
        UUID strangers = UUID.randomUUID();
        TopicProbe.publish(new ContactUpserted(stranger, true, "ACTIVE", "created", null, null, UUID.fromString(other),
                null, Instant.now()), strangers, null);
        TopicProbe.publish(new ContactUpserted(contact, false, "ACTIVE", "contact-id", null, null, UUID.fromString(
                deal), UUID.fromString(lead), Instant.now()), company.tenant, null);
        await().until(() -> Company.count("select count(*) from processed_event where consumer = 'customer-link' "
                + "and tenant_id = ?", company.tenant) == 2);
        await().until(() -> Company.count("select count(*) from processed_event where consumer = 'customer-link' "
                + "and tenant_id = ?", strangers) == 1);
        assertThat(api.get("/api/deals/deals/" + other).json().path("contactId").isNull()).isTrue();
    }

    @Test
    void aBatchOfPaymentsAnswersEachOne() {
        Company company = new Company(port);
        String id = "o-" + unique();
        shop(company).post("/api/integrations/shop/orders", order(id, 1, "c-1", "+380671234567", line("A-1", "1", "10")));
        var batch = shop(company).post("/api/integrations/shop/payments/batch", """
                [{"paymentId": "p1-%s", "orderId": "%s", "status": "SUCCESSFUL"},
                 {"paymentId": "p2-%s", "orderId": "unknown-%s", "status": "PAID"},
                 {"paymentId": "p3-%s", "orderId": "%s", "status": "WHATEVER"},
                 {"paymentId": "p4-%s", "orderId": "%s", "status": "PAID", "currency": "EURO"}]"""
                .formatted(id, id, id, id, id, id, id, id));
        assertThat(batch.status()).as(batch.body()).isEqualTo(202);
        assertThat(Company.each(batch.json().get("results"), "result"))
                .containsExactly("APPLIED", "PENDING", "REJECTED", "REJECTED");
        assertThat(batch.json().get("results").get(2).get("errors").get(0).get("field").asString())
                .isEqualTo("[2].status");
        assertThat(batch.json().get("results").get(3).get("errors").get(0).get("field").asString())
                .isEqualTo("[3].currency");
    }

    @Test
    void theSameNewOrderSentManyTimesAtOnceMakesOneDeal() throws Exception {
        Company company = new Company(port);
        String id = "o-" + unique();
        String body = order(id, 1, "c-" + unique(), "+380671234567", line("A-1", "1", "10"));
        List<java.util.concurrent.Future<ApiClient.Response>> sent = new java.util.ArrayList<>();
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(6)) {
            for (int i = 0; i < 6; i++) {
                sent.add(pool.submit(() -> shop(company).post("/api/integrations/shop/orders", body)));
            }
        }
        List<String> results = new java.util.ArrayList<>();
        for (var answer : sent) {
            assertThat(answer.get().status()).as(answer.get().body()).isEqualTo(202);
            results.add(answer.get().json().get("result").asString());
        }
        assertThat(results).containsOnlyOnce("CREATED").containsOnly("CREATED", "UNCHANGED");
        assertThat(Company.count("select count(*) from deal where tenant_id = ? and shop_order_id = ?", company.tenant,
                id)).isEqualTo(1);
    }

    private static java.util.function.Predicate<ConsumerRecord<String, byte[]>> typed(String type, String key) {
        return record -> type.equals(TopicProbe.header(record, EventHeaders.TYPE)) && key.equals(record.key());
    }
}
