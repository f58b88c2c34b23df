package org.opencrm.deals.shop;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.opencrm.deals.deal.PaymentStatus;
import org.opencrm.deals.deal.PaymentType;
import org.opencrm.platform.starter.web.ProblemDetailsAdvice.FieldProblem;

/** What the shop sends and what it gets back: request and answer bodies of {@code /api/integrations/shop/**}. */
final class ShopPayloads {

    private ShopPayloads() {
    }

    @Schema(description = "A customer of the shop, by the shop's own customer id")
    record CustomerIn(
            @Schema(example = "cust-4411") @NotBlank @Size(max = 100) String customerId,
            @Schema(example = "Olena Kovalenko") @Size(max = 200) String name,
            @Schema(example = "+380671234567") @Size(max = 50) String phone,
            @Schema(example = "olena.kovalenko@example.com") @Email @Size(max = 254) String email) {
    }

    @Schema(description = "A line of an order: the product by the shop's SKU (created in the CRM on first sight)")
    record LineIn(
            @Schema(example = "ANC-860") @NotBlank @Size(max = 100) String sku,
            @Schema(example = "Anchor 8x60") @Size(max = 200) String name,
            @Schema(example = "100") @NotNull @Positive BigDecimal quantity,
            @Schema(example = "12.50") @NotNull @PositiveOrZero BigDecimal unitPrice,
            @Schema(example = "0") @DecimalMin("0") @DecimalMax("100") BigDecimal discountPercent) {
    }

    @Schema(description = """
            An order, created or updated by the shop's order id. The same order sent again changes nothing; \
            an order with a lower version than the one held is ignored (STALE).""")
    record OrderIn(
            @Schema(example = "555555") @NotBlank @Size(max = 100) String orderId,
            @Schema(description = "the shop's version of the order (e.g. its updated_at in ms); higher wins",
                    example = "3") @PositiveOrZero Long version,
            @Valid CustomerIn customer,
            @Schema(description = "ISO 4217", example = "UAH") @NotBlank String currency,
            @Schema(example = "NOT_PAID") PaymentStatus paymentStatus,
            @Schema(example = "CASH_ON_DELIVERY") PaymentType paymentType,
            @Schema(example = "2026-11-25T09:58:00Z") Instant orderedAt,
            @Size(max = 2000) String comment,
            @NotEmpty @Size(max = 500) List<@NotNull @Valid LineIn> lines) {
    }

    @Schema(description = "A payment of an order; one whose order has not arrived yet is kept and applied when it does")
    record PaymentIn(
            @Schema(example = "pay-90817") @NotBlank @Size(max = 100) String paymentId,
            @Schema(example = "555555") @NotBlank @Size(max = 100) String orderId,
            @Schema(example = "SUCCESSFUL") @NotNull PaymentStatus status,
            @Schema(example = "CARD_ONLINE") PaymentType paymentType,
            @Schema(example = "1180.50") @PositiveOrZero BigDecimal amount,
            @Schema(description = "ISO 4217", example = "UAH") String currency,
            @Schema(example = "2026-11-25T10:05:00Z") Instant paidAt) {
    }

    @Schema(description = "A returned item, by the shop's SKU")
    record ReturnItemIn(
            @Schema(example = "ANC-860") @NotBlank @Size(max = 100) String sku,
            @Schema(example = "10") @NotNull @Positive BigDecimal quantity) {
    }

    @Schema(description = "A return of goods (002_* 2.1.16) of an order the CRM holds")
    record ReturnIn(
            @Schema(example = "ret-771") @NotBlank @Size(max = 100) String returnId,
            @Schema(example = "555555") @NotBlank @Size(max = 100) String orderId,
            @Schema(example = "Wrong size") @NotBlank @Size(max = 500) String reason,
            @Schema(example = "Box unopened") @Size(max = 5000) String comment,
            @Schema(example = "photo.jpg") @Size(max = 255) String fileName,
            @Schema(description = "where the attached file can be fetched", example = "https://shop.example/r/771.jpg")
            @Size(max = 2000) String fileUrl,
            @Schema(description = "REQUESTED (default); APPROVED or REJECTED when the shop decided itself")
            ReturnStatus status,
            @NotEmpty @Size(max = 500) List<@NotNull @Valid ReturnItemIn> items) {
    }

    @Schema(description = "Bonus points (002_* 2.1.23) earned (points > 0) or spent (points < 0) by a shop customer")
    record LoyaltyIn(
            @Schema(description = "the shop's id of this entry: sending it again changes nothing", example = "lp-1001")
            @NotBlank @Size(max = 100) String entryId,
            @Schema(example = "cust-4411") @NotBlank @Size(max = 100) String customerId,
            @Schema(example = "118") @NotNull Long points,
            @Schema(example = "order") @Size(max = 200) String reason,
            @Schema(example = "555555") @Size(max = 100) String orderId) {
    }

    /** What became of one item of a request. */
    @Schema(description = """
            One item's outcome: CREATED, UPDATED, UNCHANGED (a repeat), STALE (older than what is held), \
            APPLIED, PENDING (a payment waiting for its order) or REJECTED (with its field errors; nothing stored)""")
    record Outcome(Integer index, String id, String result, UUID dealId, List<FieldProblem> errors) {

        static Outcome of(String id, String result, UUID dealId) {
            return new Outcome(null, id, result, dealId, null);
        }

        Outcome at(int i) {
            return new Outcome(i, id, result, dealId, errors);
        }
    }

    @Schema(description = "The outcome of each item of a batch, in the order sent")
    record BatchOutcome(int accepted, int rejected, List<Outcome> results) {
    }
}
