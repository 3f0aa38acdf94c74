package com.kontor.document;

import java.time.Instant;

/** One line of a list of documents: the document and whose it is ({@code debtorNumber}, name; null without debtor). */
public record DocumentRow(
        String number,
        DocumentType type,
        Instant issuedAt,
        long txid,
        Long debtorNumber,
        String debtorName,
        String language) {}
