package org.opencrm.deals.deal;

/**
 * How a deal's order is paid (`002_*` 2.1.3): card online ("Картой онлайн"), card, bank transfer ("Р/С"),
 * cash on delivery ("Наложенный платеж"), cash.
 */
public enum PaymentType {
    CARD_ONLINE, CARD, BANK_TRANSFER, CASH_ON_DELIVERY, CASH
}
