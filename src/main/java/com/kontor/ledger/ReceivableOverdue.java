package com.kontor.ledger;

import com.kontor.money.Money;
import com.kontor.tenancy.Partition;

/**
 * A receivable is open and due at once (DUN-2): money that was collected came back as a chargeback or a returned
 * debit. Receivables that pass their due date are found by the dunning run itself, by date. Published inside the
 * transaction that booked it; listeners take it after commit.
 */
public record ReceivableOverdue(Partition partition, long txid, Long debtorId, Money open, Cause cause) {

    public enum Cause {
        CHARGEBACK,
        RETURNED_DEBIT
    }
}
