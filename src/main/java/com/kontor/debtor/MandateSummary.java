package com.kontor.debtor;

import java.time.LocalDate;

/** A SEPA direct debit mandate (DEB-6). */
public record MandateSummary(
        long id, long bankAccountId, String mandateReference, String creditorId, LocalDate signedOn) {}
