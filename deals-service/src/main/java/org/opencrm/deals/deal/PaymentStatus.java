package org.opencrm.deals.deal;

/**
 * The payment of a deal's order (`002_*` 2.2.3, payment_status_num): not paid, no payment method chosen
 * yet, paid (confirmed by hand), successful (confirmed by the payment provider), failed at the provider
 * (e.g. liqpay.failure), or an error.
 */
public enum PaymentStatus {
    NOT_PAID, NOT_SELECTED, PAID, SUCCESSFUL, PROVIDER_FAILURE, ERROR
}
