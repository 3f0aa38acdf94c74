package com.kontor.operation;

import com.kontor.ledger.ReceivableType;

/** The type of a credit entry (OPS-3, seed 001), and the type of receivable it credits on the process account. */
public enum CreditType {
    CREDIT_ENTRY(ReceivableType.CREDIT_ENTRY),
    RETURN_OF_GOODS(ReceivableType.RETURNS),
    CHARGEBACK_FEE(ReceivableType.CHARGEBACK_FEE),
    DELIVERY_COSTS(ReceivableType.DELIVERY_COSTS),
    REMINDER_FEE(ReceivableType.DUNNING_FEE),
    PENALTY_INTEREST(ReceivableType.PENALTY_INTEREST);

    private final ReceivableType receivableType;

    CreditType(ReceivableType receivableType) {
        this.receivableType = receivableType;
    }

    public ReceivableType receivableType() {
        return receivableType;
    }
}
