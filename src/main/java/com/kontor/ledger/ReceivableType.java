package com.kontor.ledger;

/** The type of receivable of a booking (TX-4). */
public enum ReceivableType {
    RECEIVABLE,
    CHARGEBACK_FEE,
    PENALTY_INTEREST,
    DELIVERY_COSTS,
    DUNNING_FEE,
    CREDIT_ENTRY,
    RETURNS
}
