package org.opencrm.deals.shop;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.opencrm.deals.money.Currencies;
import org.opencrm.deals.shop.ShopPayloads.BatchOutcome;
import org.opencrm.deals.shop.ShopPayloads.CustomerIn;
import org.opencrm.deals.shop.ShopPayloads.LoyaltyIn;
import org.opencrm.deals.shop.ShopPayloads.OrderIn;
import org.opencrm.deals.shop.ShopPayloads.Outcome;
import org.opencrm.deals.shop.ShopPayloads.PaymentIn;
import org.opencrm.deals.shop.ShopPayloads.ReturnIn;
import org.opencrm.deals.shop.ShopRequests.Item;
import org.opencrm.platform.starter.web.InvalidFieldsException;
import org.opencrm.platform.starter.web.NotFoundException;
import org.opencrm.platform.starter.web.Problems;
import org.opencrm.platform.starter.web.ProblemDetailsAdvice.FieldProblem;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The shop integration: customers, orders, payments, returns and loyalty points pushed by the company's shop
 * with an API key of scope {@code shop:write} (the gateway exchanges the key for an integration token).
 * Everything is answered 202 only after it is committed. A batch is a JSON array; each item is checked and
 * stored on its own terms (its outcome says CREATED, UPDATED, UNCHANGED, STALE, PENDING, APPLIED or REJECTED
 * with its field errors), and the valid items of a batch commit together.
 */
@RestController
@RequestMapping(path = "/api/integrations/shop", produces = "application/json")
@PreAuthorize("hasAuthority('SCOPE_shop:write')")
@Tag(name = "Shop integration", description = """
        For the company's online shop, with the header X-Api-Key (an API key with the scope shop:write). If an \
        ADMIN set a signing secret (PUT /api/deals/shop/settings), every request must carry X-Shop-Signature: \
        sha256=<hex HMAC-SHA256 of the raw body under the secret>; a missing or wrong one is 401 and nothing is \
        stored. Ids are the shop's own, unique within the company.""")
class ShopController {

    private static final String ORDER_EXAMPLE = """
            {"orderId": "555555", "version": 3, "currency": "UAH", "paymentStatus": "NOT_PAID",
             "paymentType": "CASH_ON_DELIVERY", "orderedAt": "2026-11-25T09:58:00Z",
             "customer": {"customerId": "cust-4411", "name": "Olena Kovalenko", "phone": "+380671234567",
                          "email": "olena.kovalenko@example.com"},
             "lines": [{"sku": "ANC-860", "name": "Anchor 8x60", "quantity": 100, "unitPrice": 12.50}]}""";

    private final ShopRequests requests;
    private final ShopSignatures signatures;
    private final ShopOrders orders;
    private final ShopPayments payments;
    private final ShopCustomers customers;
    private final Returns returns;
    private final Loyalty loyalty;
    private final ShopIntake intake;

    ShopController(ShopRequests requests, ShopSignatures signatures, ShopOrders orders, ShopPayments payments,
            ShopCustomers customers, Returns returns, Loyalty loyalty, ShopIntake intake) {
        this.requests = requests;
        this.signatures = signatures;
        this.orders = orders;
        this.payments = payments;
        this.customers = customers;
        this.returns = returns;
        this.loyalty = loyalty;
        this.intake = intake;
    }

    @PostMapping("/orders")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Create or update an order by the shop's order id", description = """
            The order becomes a deal of the company's order funnel with its lines (products matched, or created, \
            by SKU); its amount is the lines' total. Sending the same order again changes nothing (UNCHANGED); an \
            order with a lower version than the one held is ignored (STALE). Raises order.received.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = OrderIn.class),
                    examples = @ExampleObject(name = "order", value = ORDER_EXAMPLE))),
            responses = {
                    @ApiResponse(responseCode = "202", description = "stored",
                            content = @Content(examples = @ExampleObject(value = """
                                    {"id": "555555", "result": "CREATED", "dealId": "7b2c3d4e-5f6a-4b7c-9d8e-0f1a2b3c4d5e"}"""))),
                    @ApiResponse(responseCode = "400", description = "invalid fields, named; nothing stored"),
                    @ApiResponse(responseCode = "401", description = "no or a bad API key, or a bad signature")})
    Outcome order(@RequestBody byte[] body, @Parameter(hidden = true)
            @RequestHeader(name = ShopSignatures.HEADER, required = false) String signature) {
        signatures.verify(body, signature);
        OrderIn order = requests.one(body, OrderIn.class);
        String currency = currency(order.currency(), "currency");
        return orders.store(List.of(orders.check(order, currency))).getFirst();
    }

    @PostMapping("/orders/batch")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Create or update up to 1000 orders", description = """
            A JSON array of orders. Each valid order is stored (the valid ones in one transaction); an invalid one \
            is REJECTED with its field errors and nothing of it is stored. The answer lists each order's outcome.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "two orders", value = "[" + ORDER_EXAMPLE + ", "
                            + ORDER_EXAMPLE + "]"))))
    BatchOutcome orders(@RequestBody byte[] body, @Parameter(hidden = true)
            @RequestHeader(name = ShopSignatures.HEADER, required = false) String signature) {
        signatures.verify(body, signature);
        List<Item<OrderIn>> items = requests.many(body, OrderIn.class);
        List<ShopOrders.Checked> valid = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        Outcome[] outcomes = new Outcome[items.size()];
        for (Item<OrderIn> item : items) {
            List<FieldProblem> problems = new ArrayList<>(item.problems());
            String currency = null;
            if (item.valid()) {
                currency = currencyOrProblem(item.value().currency(), "[" + item.index() + "].currency", problems);
            }
            if (!problems.isEmpty()) {
                outcomes[item.index()] = rejected(item, problems, OrderIn::orderId);
            } else {
                valid.add(orders.check(item.value(), currency));
                at.add(item.index());
            }
        }
        if (!valid.isEmpty()) {
            List<Outcome> stored = orders.store(valid);
            for (int i = 0; i < stored.size(); i++) {
                outcomes[at.get(i)] = stored.get(i).at(at.get(i));
            }
        }
        return batch(outcomes);
    }

    @PostMapping("/orders/bulk")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Send up to 1000 orders as a bulk feed, stored behind the answer", description = """
            For high volumes. The request is checked as /orders/batch checks it (an invalid order is REJECTED with \
            its field errors, a body that is not an array of 1 to 1000 orders is 400 and nothing is kept), then kept \
            as received and answered 202 at once with a receipt; the valid orders become deals shortly after, in the \
            order the requests came, with the same rules as /orders (the same order again changes nothing, a lower \
            version is STALE). GET /receipts/{receiptId} tells when they are stored and each order's outcome.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    examples = @ExampleObject(name = "two orders", value = "[" + ORDER_EXAMPLE + ", "
                            + ORDER_EXAMPLE + "]"))),
            responses = {
                    @ApiResponse(responseCode = "202", description = "kept; the orders are stored shortly",
                            content = @Content(examples = @ExampleObject(value = """
                                    {"receiptId": "0b5c6a1e-3f7d-4c2a-9e8b-1a2b3c4d5e6f", "status": "PENDING",
                                     "accepted": 2, "rejected": 0, "receivedAt": "2026-11-27T10:00:00.123456Z",
                                     "doneAt": null, "results": []}"""))),
                    @ApiResponse(responseCode = "400", description = "not an array of 1 to 1000 orders; nothing kept"),
                    @ApiResponse(responseCode = "401", description = "no or a bad API key, or a bad signature")})
    ShopIntake.Receipt bulk(@RequestBody byte[] body, @Parameter(hidden = true)
            @RequestHeader(name = ShopSignatures.HEADER, required = false) String signature) {
        signatures.verify(body, signature);
        List<Item<OrderIn>> items = requests.many(body, OrderIn.class);
        List<Outcome> rejected = new ArrayList<>();
        for (Item<OrderIn> item : items) {
            List<FieldProblem> problems = new ArrayList<>(item.problems());
            if (item.valid()) {
                currencyOrProblem(item.value().currency(), "[" + item.index() + "].currency", problems);
            }
            if (!problems.isEmpty()) {
                rejected.add(rejected(item, problems, OrderIn::orderId));
            }
        }
        return intake.accept(body, items.size(), rejected);
    }

    @GetMapping("/receipts/{receiptId}")
    @Operation(summary = "What became of a bulk feed", description = """
            PENDING while its orders are being stored (results then list only the rejected ones), DONE once they \
            are, with every order's outcome in the order sent: CREATED or UPDATED with the deal's id, UNCHANGED, \
            STALE or REJECTED. Another company's receipt is unknown (404).""")
    ShopIntake.Receipt receipt(@PathVariable UUID receiptId) {
        return intake.receipt(receiptId).orElseThrow(() -> new NotFoundException("Receipt", receiptId));
    }

    @PostMapping("/payments")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Report a payment of an order", description = """
            Sets the payment status (and type) of the order's deal (APPLIED) and raises payment.received. A payment \
            of an order not yet received is kept (PENDING) and applied when the order comes. The same payment id \
            again changes nothing.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = PaymentIn.class), examples = @ExampleObject(value = """
                            {"paymentId": "pay-90817", "orderId": "555555", "status": "SUCCESSFUL",
                             "paymentType": "CARD_ONLINE", "amount": 1180.50, "currency": "UAH",
                             "paidAt": "2026-11-25T10:05:00Z"}"""))))
    Outcome payment(@RequestBody byte[] body, @Parameter(hidden = true)
            @RequestHeader(name = ShopSignatures.HEADER, required = false) String signature) {
        signatures.verify(body, signature);
        PaymentIn payment = requests.one(body, PaymentIn.class);
        String currency = payment.currency() == null ? null : currency(payment.currency(), "currency");
        return payments.store(List.of(payment), java.util.Collections.singletonList(currency)).getFirst();
    }

    @PostMapping("/payments/batch")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Report up to 1000 payments", description = "A JSON array of payments; an outcome for each.")
    BatchOutcome payments(@RequestBody byte[] body, @Parameter(hidden = true)
            @RequestHeader(name = ShopSignatures.HEADER, required = false) String signature) {
        signatures.verify(body, signature);
        List<Item<PaymentIn>> items = requests.many(body, PaymentIn.class);
        List<PaymentIn> valid = new ArrayList<>();
        List<String> currencies = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        Outcome[] outcomes = new Outcome[items.size()];
        for (Item<PaymentIn> item : items) {
            List<FieldProblem> problems = new ArrayList<>(item.problems());
            String currency = null;
            if (item.valid() && item.value().currency() != null) {
                currency = currencyOrProblem(item.value().currency(), "[" + item.index() + "].currency", problems);
            }
            if (!problems.isEmpty()) {
                outcomes[item.index()] = rejected(item, problems, PaymentIn::paymentId);
            } else {
                valid.add(item.value());
                currencies.add(currency);
                at.add(item.index());
            }
        }
        if (!valid.isEmpty()) {
            List<Outcome> stored = payments.store(valid, currencies);
            for (int i = 0; i < stored.size(); i++) {
                outcomes[at.get(i)] = stored.get(i).at(at.get(i));
            }
        }
        return batch(outcomes);
    }

    @PostMapping("/customers")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Create or update a customer by the shop's customer id", description = """
            Keeps what the shop tells of the customer (a field left out keeps its value). The customer becomes a \
            contact with their first order (order.received).""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = CustomerIn.class), examples = @ExampleObject(value = """
                            {"customerId": "cust-4411", "name": "Olena Kovalenko", "phone": "+380671234567",
                             "email": "olena.kovalenko@example.com"}"""))))
    Outcome customer(@RequestBody byte[] body, @Parameter(hidden = true)
            @RequestHeader(name = ShopSignatures.HEADER, required = false) String signature) {
        signatures.verify(body, signature);
        CustomerIn customer = requests.one(body, CustomerIn.class);
        return upsertCustomers(List.of(customer)).getFirst();
    }

    @PostMapping("/customers/batch")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Create or update up to 1000 customers", description = "A JSON array of customers.")
    BatchOutcome customers(@RequestBody byte[] body, @Parameter(hidden = true)
            @RequestHeader(name = ShopSignatures.HEADER, required = false) String signature) {
        signatures.verify(body, signature);
        List<Item<CustomerIn>> items = requests.many(body, CustomerIn.class);
        Outcome[] outcomes = new Outcome[items.size()];
        List<CustomerIn> valid = new ArrayList<>();
        List<Integer> at = new ArrayList<>();
        for (Item<CustomerIn> item : items) {
            if (!item.valid()) {
                outcomes[item.index()] = rejected(item, item.problems(), CustomerIn::customerId);
            } else {
                valid.add(item.value());
                at.add(item.index());
            }
        }
        if (!valid.isEmpty()) {
            List<Outcome> stored = upsertCustomers(valid);
            for (int i = 0; i < stored.size(); i++) {
                outcomes[at.get(i)] = stored.get(i).at(at.get(i));
            }
        }
        return batch(outcomes);
    }

    @PostMapping("/returns")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Request a return of items of an order", description = """
            The order must be one the company holds (else 400 on orderId). Raises return.requested; a manager \
            approves or rejects it (POST /api/deals/returns/{id}/approve|reject), or the shop sends the same \
            return again with status APPROVED or REJECTED.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = ReturnIn.class), examples = @ExampleObject(value = """
                            {"returnId": "ret-771", "orderId": "555555", "reason": "Wrong size",
                             "comment": "Box unopened", "fileName": "photo.jpg",
                             "fileUrl": "https://shop.example/r/771.jpg",
                             "items": [{"sku": "ANC-860", "quantity": 10}]}"""))))
    Outcome returnOf(@RequestBody byte[] body, @Parameter(hidden = true)
            @RequestHeader(name = ShopSignatures.HEADER, required = false) String signature) {
        signatures.verify(body, signature);
        return returns.fromShop(requests.one(body, ReturnIn.class));
    }

    @PostMapping("/loyalty")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Bonus points earned or spent by a customer", description = """
            points > 0 earns, < 0 spends (not more than the balance: 400 on points). The same entryId again \
            changes nothing. Raises loyalty.points-changed.""",
            requestBody = @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(
                    schema = @Schema(implementation = LoyaltyIn.class), examples = @ExampleObject(value = """
                            {"entryId": "lp-1001", "customerId": "cust-4411", "points": 118, "reason": "order",
                             "orderId": "555555"}"""))))
    Outcome points(@RequestBody byte[] body, @Parameter(hidden = true)
            @RequestHeader(name = ShopSignatures.HEADER, required = false) String signature) {
        signatures.verify(body, signature);
        return loyalty.fromShop(requests.one(body, LoyaltyIn.class));
    }

    @ExceptionHandler(ShopSignatures.BadSignatureException.class)
    ProblemDetail badSignature(ShopSignatures.BadSignatureException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, e.getMessage());
        problem.setType(Problems.UNAUTHORIZED);
        return problem;
    }

    private List<Outcome> upsertCustomers(List<CustomerIn> given) {
        return customers.store(given);
    }

    private static <T> Outcome rejected(Item<T> item, List<FieldProblem> problems, Function<T, String> id) {
        return new Outcome(item.index(), item.value() == null ? null : id.apply(item.value()), "REJECTED", null,
                problems);
    }

    private static BatchOutcome batch(Outcome[] outcomes) {
        int rejected = 0;
        for (Outcome o : outcomes) {
            if ("REJECTED".equals(o.result())) {
                rejected++;
            }
        }
        return new BatchOutcome(outcomes.length - rejected, rejected, List.of(outcomes));
    }

    private static String currency(String code, String field) {
        return Currencies.code(code, null, field);
    }

    private static String currencyOrProblem(String code, String field, List<FieldProblem> problems) {
        try {
            return Currencies.code(code, null, field);
        } catch (InvalidFieldsException e) {
            problems.addAll(e.errors());
            return null;
        }
    }
}
