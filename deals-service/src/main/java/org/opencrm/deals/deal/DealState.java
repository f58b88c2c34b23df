package org.opencrm.deals.deal;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Everything a deal holds, as a client sends it: the body of create, and what a merge patch is applied to.
 * {@code pipelineId} and {@code stageId} place a new deal (the first open stage of the company's first deal
 * pipeline by default); afterwards it moves with {@code POST .../move}. With {@code lines}, {@code amount} is
 * their total and need not be sent. {@code lostReason} belongs to a lost deal only. {@code version}, when
 * given, must be the deal's current one (a stale edit is 409).
 */
public record DealState(
        @Size(max = 200) String title,
        @DecimalMin("0.00") @Digits(integer = 17, fraction = 2) BigDecimal amount,
        @Size(max = 3) String currency,
        UUID pipelineId,
        UUID stageId,
        UUID ownerId,
        UUID contactId,
        @Size(max = 200) String contactName,
        UUID companyId,
        PaymentStatus paymentStatus,
        PaymentType paymentType,
        @Size(max = 100) String shopOrderId,
        LocalDate expectedCloseDate,
        @Size(max = 500) String lostReason,
        @Size(max = 50) String source,
        @Size(max = 200) String sourceDetail,
        UUID campaignId,
        UUID promotionId,
        @Size(max = 50) String promoCode,
        @Size(max = 10_000) String comment,
        @Size(max = 200) List<@Valid @NotNull Line> lines,
        Long version) {

    /**
     * A line as a client sends it: the product is required; its name and list price are taken when the line
     * gives none (the price only if the product is priced in the deal's currency).
     */
    public record Line(
            @NotNull UUID productId,
            @Size(max = 200) String name,
            @NotNull @DecimalMin(value = "0", inclusive = false) @Digits(integer = 15, fraction = 3) BigDecimal quantity,
            @DecimalMin("0.00") @Digits(integer = 17, fraction = 2) BigDecimal unitPrice,
            @DecimalMin("0") @DecimalMax("100") @Digits(integer = 3, fraction = 2) BigDecimal discountPercent) {
    }

    public List<Line> linesOrEmpty() {
        return lines == null ? List.of() : lines;
    }
}
