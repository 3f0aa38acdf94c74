package com.kontor.ledger;

/** The process of a booking (TX-4). */
public enum BookingType {
    RECEIVABLE,
    PAYMENT,
    CREDIT_ENTRY,
    REFUND,
    CHARGEBACK,
    CHARGEBACK_REVERSAL,
    TRANSFER,
    DERECOGNITION,
    FEE
}
