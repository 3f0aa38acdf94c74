package com.kontor.psp;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One difference of the reconciliation (PSP-4) as the view lists it: amounts in minor units of {@code currency}
 * ({@code expected}: what Kontor booked, null when it knows nothing; {@code reported}: what the report settled, null
 * when it is missing there).
 */
public record SettlementDifferenceRow(
        long id,
        DifferenceKind kind,
        String provider,
        String reference,
        Long txid,
        Long debtorNumber,
        String bookingType,
        String currency,
        Long expected,
        Long reported,
        String fileName,
        String batchNumber,
        LocalDate occurredOn,
        boolean open,
        String resolvedBy,
        Instant resolvedAt,
        String resolution,
        Long bookedAmount,
        long version) {

    /** Whether resolving may book the settled amount: a payment settled with another amount than booked. */
    public boolean maySettleAmount() {
        return open
                && kind == DifferenceKind.AMOUNT_DIFFERS
                && txid != null
                && "PAYMENT".equals(bookingType)
                && expected != null
                && reported != null
                && !expected.equals(reported);
    }
}
