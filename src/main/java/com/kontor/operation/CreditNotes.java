package com.kontor.operation;

import com.kontor.ledger.LockedProcess;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The credit note of a credit entry (OPS-3, DOC-1): issued in the credit's booking transaction with its items, where
 * the merchant booked invoice issuing.
 */
@Component
public class CreditNotes {

    /** Issues the credit note of a credit entry just booked on {@code process}. */
    void issue(LockedProcess process, List<CreditItem> items) {
        // wired to the document module's issuer when it lands (same transaction as the credit's bookings)
    }
}
