package com.kontor.debtor;

import java.time.Instant;

/** A debtor with its master data and the version a later change must name (optimistic locking). */
public record DebtorDetails(
        long id,
        long debtorNumber,
        String customerId,
        MasterData masterData,
        long version,
        Instant createdAt,
        Instant updatedAt) {}
