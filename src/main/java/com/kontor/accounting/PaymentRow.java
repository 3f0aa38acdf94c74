package com.kontor.accounting;

import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.ProcessStatus;
import com.kontor.ledger.ReceivableType;
import com.kontor.money.Money;
import java.time.Instant;

/**
 * One booking of the payments list (TX-7). {@code amount} is signed: money in +, money out −; a fee charged to the
 * debtor +, taken back − ({@link PaymentKind#signedAmount}). {@code providerTxn} is the booking's provider
 * transaction, else the process's provider reference. {@code debtorNumber} and {@code debtorName} are null for a
 * process without a debtor.
 */
public record PaymentRow(
        long bookingId,
        Instant bookedAt,
        long txid,
        Long debtorNumber,
        String debtorName,
        String portal,
        String provider,
        String providerTxn,
        PaymentMethod method,
        PaymentKind kind,
        ReceivableType receivableType,
        Money amount,
        ProcessStatus status) {

    /** Where the next page starts: after this row. */
    public PaymentCursor cursor() {
        return new PaymentCursor(bookedAt, bookingId);
    }
}
