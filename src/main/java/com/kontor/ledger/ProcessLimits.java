package com.kontor.ledger;

import java.util.Currency;

/**
 * What a money operation on a process may take (TX-9), as the process stands: the dialogs show these maxima and the
 * services check them again under the process's lock. {@code version} changes with every change of the process, so
 * a dialog opened on an older state is refused instead of running twice.
 */
public record ProcessLimits(
        long txid,
        Long debtorId,
        PaymentMethod method,
        Currency currency,
        ProcessStatus status,
        String provider,
        long version,
        long receivable,
        long paid,
        long collected,
        long refunded,
        long preauthorized,
        long reserved,
        long balance,
        long refundable) {

    /** Money can still be booked on it: not failed, not abandoned. */
    public boolean live() {
        return status != ProcessStatus.ERROR && status != ProcessStatus.EMPTY;
    }

    /** The overpayment that may leave the process (a transfer, a refund): never more than is refundable. */
    public long overpayment() {
        return Math.max(0, Math.min(-balance, refundable));
    }
}
