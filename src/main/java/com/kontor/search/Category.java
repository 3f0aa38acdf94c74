package com.kontor.search;

/** The search categories of SRCH-1, each with the kind of input that fits it. */
public enum Category {
    LAST_NAME(Input.TEXT),
    FIRST_NAME(Input.TEXT),
    COMPANY(Input.TEXT),
    EMAIL(Input.TEXT),
    CITY(Input.TEXT),
    POSTCODE(Input.TEXT),
    DEBTOR_NUMBER(Input.TEXT),
    CUSTOMER_NUMBER(Input.TEXT),
    TXID(Input.TEXT),
    REFERENCE(Input.TEXT),
    INVOICE_NUMBER(Input.TEXT),
    PROVIDER_REFERENCE(Input.TEXT),
    IBAN(Input.TEXT),
    PAYMENT_METHOD(Input.PAYMENT_METHOD),
    STATUS(Input.STATUS),
    DUNNING_LEVEL(Input.DUNNING_LEVEL);

    /** A text field, or a choice among the values of an enum. */
    public enum Input {
        TEXT,
        PAYMENT_METHOD,
        STATUS,
        DUNNING_LEVEL
    }

    private final Input input;

    Category(Input input) {
        this.input = input;
    }

    public Input input() {
        return input;
    }
}
