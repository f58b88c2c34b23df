package org.opencrm.platform.events.deals;

/**
 * Who bought, as the shop knows them: its own customer id and what it was told. contacts-service finds
 * the contact by {@code shopCustomerId}, else {@code phone}, else {@code email}, else creates one.
 */
public record ShopCustomer(String shopCustomerId, String name, String phone, String email) {
}
