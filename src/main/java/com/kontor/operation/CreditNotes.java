package com.kontor.operation;

import com.kontor.document.DocumentIssuer;
import com.kontor.document.DocumentLine;
import com.kontor.ledger.LockedProcess;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The credit note of a credit entry (OPS-3, DOC-1): issued in the credit's booking transaction with its items, where
 * the merchant booked invoice issuing (seed 001: without the module the items have no effect). Its number is taken
 * in that transaction, so a credit that fails leaves no gap.
 */
@Component
public class CreditNotes {

    private final DocumentIssuer issuer;

    public CreditNotes(DocumentIssuer issuer) {
        this.issuer = issuer;
    }

    /** Issues the credit note of a credit entry just booked on {@code process}. */
    void issue(LockedProcess process, List<CreditItem> items) {
        issuer.issueCreditNote(
                process.txid(),
                items.stream()
                        .map(i ->
                                new DocumentLine(i.description().strip(), i.quantity(), i.vatPercent(), i.unitGross()))
                        .toList());
    }
}
