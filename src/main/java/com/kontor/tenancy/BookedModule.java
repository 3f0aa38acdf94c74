package com.kontor.tenancy;

/** Modules a merchant can book (ACC-5); options of a module not booked are not shown. */
public enum BookedModule {
    /** Risk management: the blacklist. */
    RISK,
    SUBSCRIPTIONS,
    /** Receivables management: dunning. */
    DUNNING,
    /** Invoice issuing: invoices and credit notes as documents. */
    DOCUMENTS
}
