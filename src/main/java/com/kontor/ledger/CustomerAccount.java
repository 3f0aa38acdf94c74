package com.kontor.ledger;

import java.util.List;

/**
 * The customer account of a debtor (TX-5): every booking of every one of its processes, oldest first, with the
 * totals per currency.
 */
public record CustomerAccount(List<Line> lines, List<AccountTotals.Total> totals) {

    /** One line: a booking with the TXID of the process it belongs to. */
    public record Line(long txid, ProcessDetails.BookingLine booking) {}
}
