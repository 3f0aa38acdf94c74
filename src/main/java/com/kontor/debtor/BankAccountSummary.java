package com.kontor.debtor;

import java.time.Instant;

/** A stored bank account, masked: the full IBAN never leaves the debtor module except to a provider. */
public record BankAccountSummary(
        long id,
        long debtorId,
        String holder,
        String ibanMasked,
        String ibanFingerprint,
        String bic,
        String country,
        Instant createdAt) {}
