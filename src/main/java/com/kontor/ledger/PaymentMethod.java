package com.kontor.ledger;

/** Payment methods as API.md spells them (TX-2). */
public enum PaymentMethod {
    INVOICE,
    PREPAYMENT,
    DIRECT_DEBIT,
    CARD,
    WALLET,
    BANK_TRANSFER,
    CASH_ON_DELIVERY;

    /** Invoice, prepayment and cash on delivery: the receivable is booked at once and stays OPEN until money arrives. */
    public boolean isOpenItem() {
        return this == INVOICE || this == PREPAYMENT || this == CASH_ON_DELIVERY;
    }

    /**
     * Invoice, direct debit and prepayment: money arrives in the merchant's account, so an overpayment of one such
     * process can be transferred to another of the same method (OPS-5).
     */
    public boolean isAccountBased() {
        return this == INVOICE || this == DIRECT_DEBIT || this == PREPAYMENT;
    }

    /** Card, wallet and online bank transfer: the provider authorises the money itself. */
    public boolean isProviderAuthorised() {
        return this == CARD || this == WALLET || this == BANK_TRANSFER;
    }

    /** Methods that need a provider to take the payment at creation; open items are the merchant's own receivables. */
    public boolean needsProvider() {
        return !isOpenItem();
    }
}
