package com.kontor.document;

import com.kontor.money.Money;
import com.kontor.tenancy.Partition;

/**
 * A document was issued (published inside the issuing transaction): e.g. the mail module sends invoices and credit
 * notes to the debtor once it is committed (DOC-4).
 *
 * @param debtorId null for a process without debtor
 * @param language "de" or "en"
 * @param amount the document's gross total (an invoice: the amount due)
 */
public record DocumentIssued(
        Partition partition,
        String number,
        DocumentType type,
        long txid,
        Long debtorId,
        String language,
        Money amount) {}
