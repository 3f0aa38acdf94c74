package com.kontor.ledger;

/** How a new process starts (TX-9's first rows): what the provider answered, or that no provider was needed. */
public sealed interface Opening {

    /**
     * Invoice, prepayment and cash on delivery book the receivable and are OPEN; a direct debit books it and stays
     * IN_PROCESSING until the debit is executed.
     */
    record Opened(String providerTxn) implements Opening {}

    /** Card or wallet pre-authorised: PRE-AUTHORISED, no money yet. */
    record Preauthorised() implements Opening {}

    /** Card or wallet authorised (a sale): receivable and payment, OK. */
    record Authorised(String providerTxn) implements Opening {}

    /** The provider decides later (a notification follows): IN_PROCESSING, nothing booked. */
    record Pending() implements Opening {}

    /** Declined, failed or refused at creation: ERROR with its reason, nothing booked. */
    record Failed(String errorCode, String errorMessage) implements Opening {}
}
