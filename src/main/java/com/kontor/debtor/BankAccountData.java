package com.kontor.debtor;

/** A bank account as a shop or an agent gives it (DEB-3): holder, IBAN (spaces and lower case allowed), BIC. */
public record BankAccountData(String holder, String iban, String bic) {}
