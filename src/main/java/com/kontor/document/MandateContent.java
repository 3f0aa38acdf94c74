package com.kontor.document;

import com.kontor.tenancy.Letterhead;
import java.time.LocalDate;
import java.util.Locale;

/**
 * What the PDF of a stored SEPA direct debit mandate shows (DEB-6, DOC-1): the creditor from the letterhead with its
 * creditor identifier, the mandate reference, the debtor and the account it debits. The IBAN is the masked one only.
 *
 * @param creditorId may be null where the mandate carries none
 * @param bic may be null
 * @param date the day the copy is made
 */
public record MandateContent(
        Locale language,
        boolean testMode,
        LocalDate date,
        Letterhead letterhead,
        String creditorId,
        String mandateReference,
        String debtorName,
        String debtorAddress,
        String accountHolder,
        String ibanMasked,
        String bic,
        LocalDate signedOn) {}
