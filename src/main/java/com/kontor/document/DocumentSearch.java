package com.kontor.document;

import java.time.LocalDate;

/**
 * What the Documents view searches by (DOC-3); every part is optional: the start of a number, a debtor number, a
 * type, and a range of issue dates (in the merchant's time zone, both days included).
 */
public record DocumentSearch(String numberPrefix, Long debtorNumber, DocumentType type, LocalDate from, LocalDate to) {

    public DocumentSearch {
        numberPrefix = numberPrefix == null || numberPrefix.isBlank() ? null : numberPrefix.strip();
    }
}
