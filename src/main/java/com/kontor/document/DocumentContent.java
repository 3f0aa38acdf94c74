package com.kontor.document;

import com.kontor.tenancy.Letterhead;
import java.time.LocalDate;
import java.util.Currency;
import java.util.List;
import java.util.Locale;

/**
 * Everything a rendered invoice or credit note shows; lines' gross prices are in {@code currency}'s minor units.
 *
 * @param dueDate invoice: pay by; credit note: null
 * @param relatesTo credit note: "Invoice R-2026-00012" or the TXID; may be null
 */
public record DocumentContent(
        DocumentType type,
        String number,
        LocalDate date,
        Locale language,
        boolean testMode,
        Letterhead letterhead,
        Recipient recipient,
        long txid,
        String orderReference,
        Currency currency,
        List<DocumentLine> lines,
        LocalDate dueDate,
        String relatesTo) {

    public DocumentContent {
        lines = List.copyOf(lines);
    }
}
