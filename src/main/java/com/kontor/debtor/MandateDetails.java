package com.kontor.debtor;

/** A SEPA mandate with its debtor and the bank account it debits, masked: what the mandate's PDF shows (DEB-6). */
public record MandateDetails(MandateSummary mandate, long debtorId, BankAccountSummary account) {}
