package org.opencrm.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.opencrm.platform.test.ApiClient;
import org.opencrm.platform.test.AwaitilityDefaults;

/**
 * The shop through the gateway with a real API key, and the customer saga across the running services: the
 * order becomes a deal in deals-service, contacts-service finds or creates the customer's contact from
 * order.received, and deals-service links the deal to it from contact.upserted.
 */
@ExtendWith(AwaitilityDefaults.class)
class ShopIntegrationTest {

    @BeforeAll
    static void startTheSuite() {
        RunningSuite.start();
    }

    private static ApiClient shop(SignedUpCompany company) {
        var created = company.viaGateway().post("/api/identity/api-keys", Map.of("name", "Shop", "scopes",
                List.of("shop:write")));
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        return RunningSuite.gateway.api().withHeader("X-Api-Key", created.json().get("key").asString());
    }

    @Test
    void aShopOrderSentWithAnApiKeyBecomesADealLinkedToItsCustomersContact() {
        var company = new SignedUpCompany();
        var shop = shop(company);
        String order = """
                {"orderId": "555555", "currency": "UAH", "paymentType": "CASH_ON_DELIVERY",
                 "customer": {"customerId": "cust-4411", "name": "Olena Kovalenko", "phone": "+380671234567",
                              "email": "olena.kovalenko@example.com"},
                 "lines": [{"sku": "ANC-860", "name": "Anchor 8x60", "quantity": 100, "unitPrice": 12.50}]}""";

        var stored = shop.post("/api/integrations/shop/orders", order);
        var again = shop.post("/api/integrations/shop/orders", order);

        assertThat(stored.status()).as(stored.body()).isEqualTo(202);
        assertThat(stored.json().get("result").asString()).isEqualTo("CREATED");
        assertThat(again.json().get("result").asString()).isEqualTo("UNCHANGED");
        String deal = stored.json().get("dealId").asString();
        String contact = await().until(() -> company.viaGateway().get("/api/deals/deals/" + deal).json()
                .path("contactId").asString(null), id -> id != null);
        var card = company.viaGateway().get("/api/contacts/" + contact).json();
        assertThat(card.get("firstName").asString()).isEqualTo("Olena Kovalenko");
        assertThat(card.get("status").asString()).isEqualTo("ACTIVE");
        assertThat(company.viaGateway().get("/api/deals/deals/" + deal).json().get("amount").decimalValue())
                .isEqualByComparingTo("1250.00");

        var otherCompany = new SignedUpCompany();
        var theirPayment = shop(otherCompany).post("/api/integrations/shop/payments", Map.of("paymentId", "p-1",
                "orderId", "555555", "status", "SUCCESSFUL"));
        assertThat(theirPayment.json().get("result").asString()).as("another company's order id is unknown")
                .isEqualTo("PENDING");
        assertThat(otherCompany.viaGateway().get("/api/deals/deals/" + deal).status()).isEqualTo(404);
    }
}
