package com.kontor.debtor;

/**
 * A card as the shop gives it (DEB-3, DEB-4): the provider's token, never a card number, plus brand, last four
 * digits, expiry and holder.
 */
public record CardData(
        String token, String brand, String last4, Integer expiryMonth, Integer expiryYear, String holder) {}
