package com.kontor.ledger;

import com.kontor.ledger.internal.Booking;
import com.kontor.ledger.internal.PaymentProcess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A process locked for the rest of the caller's transaction ({@link Ledger#lock}, {@link Ledger#open}): what its
 * events book is written in that transaction, and the ledger's events are published with it. Concurrent money
 * operations on one process queue at its lock (OPS-7).
 */
public final class LockedProcess extends ProcessAccount {

    private final Ledger ledger;
    /** Every booking of a process created in this transaction; null for one that existed before. */
    private final List<Booking> known;
    /** A new process's bookings until the process itself is written: a booking's row refers to the process row. */
    private List<Booking> deferred;

    LockedProcess(PaymentProcess process, Instant at, BookingSource source, Ledger ledger, boolean created) {
        super(process, at, source);
        this.ledger = ledger;
        this.known = created ? new ArrayList<>() : null;
        this.deferred = created ? new ArrayList<>() : null;
    }

    @Override
    List<ProcessDetails.BookingLine> booked(List<Booking> bookings, ProcessStatus before) {
        if (deferred != null) {
            deferred.addAll(bookings);
            return ProcessMapping.lines(bookings);
        }
        if (known != null) {
            known.addAll(bookings);
        }
        return ledger.append(this, bookings, before);
    }

    /** The new process's row is written: its bookings follow, and its creation is published. */
    void written() {
        List<Booking> bookings = deferred;
        deferred = null;
        known.addAll(bookings);
        ledger.append(this, bookings, null);
    }

    PaymentProcess row() {
        return process;
    }

    /** The process with all its bookings, as they stand in this transaction. */
    public ProcessDetails details() {
        return ProcessMapping.details(process, known != null ? known : ledger.bookingsOf(txid()));
    }

    /** Whether a booking of this process carries the provider's transaction number (a repeat of its event). */
    public boolean hasBookingFor(String providerTxn) {
        return providerTxn != null && ledger.hasBooking(txid(), providerTxn);
    }
}
