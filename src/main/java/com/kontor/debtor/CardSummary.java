package com.kontor.debtor;

import java.time.Instant;

/** A stored card: brand, masked number from the last four, expiry; the token only as fingerprint. */
public record CardSummary(
        long id,
        long debtorId,
        String holder,
        String brand,
        String last4,
        int expiryMonth,
        int expiryYear,
        String tokenFingerprint,
        Instant createdAt) {

    public String maskedNumber() {
        return "•••• •••• •••• " + last4;
    }
}
