package com.kontor.accounting;

import java.util.function.Consumer;

/**
 * A source of journal lines (ACCT-1). The export writes the sources one after the other, ordered by
 * {@link #order()}, each in a deterministic order of its own, so the same data give the same file. The ledger's
 * bookings are one ({@link JournalBookings}); a provider's settlement fees (booked fee account to clearing account) are
 * another that a Spring bean implementing this interface adds without touching the export.
 */
public interface JournalSource {

    /** Where the source's lines stand in the file, lowest first. */
    int order();

    /**
     * Hands the period's lines of the request's partition to {@code sink}, never holding them all at once; answers how
     * many records of its own it read (bookings, fees): a later export of the same period that reads more saw records
     * that arrived late.
     */
    long forEach(JournalRequest request, Consumer<JournalLine> sink);
}
