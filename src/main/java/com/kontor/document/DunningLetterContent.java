package com.kontor.document;

import com.kontor.tenancy.Letterhead;
import java.time.LocalDate;
import java.util.Currency;
import java.util.Locale;

/** Everything a rendered dunning letter shows (DOC-1): the letter's own content on the letterhead, to the debtor. */
public record DunningLetterContent(
        String number,
        LocalDate date,
        Locale language,
        boolean testMode,
        Letterhead letterhead,
        Recipient recipient,
        long txid,
        String orderReference,
        Currency currency,
        DunningLetter letter) {}
