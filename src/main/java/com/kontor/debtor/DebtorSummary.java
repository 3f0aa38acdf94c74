package com.kontor.debtor;

import java.time.Instant;

/** A debtor as lists show it. */
public record DebtorSummary(
        long id,
        long debtorNumber,
        String customerId,
        String firstName,
        String lastName,
        String company,
        String city,
        String email,
        Instant createdAt) {}
