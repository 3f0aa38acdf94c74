package com.kontor.psp.settlement;

/**
 * What a settlement line is for matching: a payment, refund, chargeback or reversed chargeback is matched to the
 * booking of that type on the process; a fee line is a cost of its own; a payout line moves money between the
 * provider and the merchant's bank and belongs to no process.
 */
public enum LineKind {
    PAYMENT,
    REFUND,
    CHARGEBACK,
    CHARGEBACK_REVERSAL,
    FEE,
    PAYOUT;

    /** The ledger's booking type this line settles, or null when it settles none. */
    public String bookingType() {
        return switch (this) {
            case PAYMENT, REFUND, CHARGEBACK, CHARGEBACK_REVERSAL -> name();
            case FEE, PAYOUT -> null;
        };
    }
}
