package com.kontor.ledger;

import com.kontor.ledger.internal.Booking;
import com.kontor.ledger.internal.PaymentProcess;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A generated process (PLAT-5) whose life is played through the real ledger rules in memory, event by event at the
 * times the generator chooses, and then written in bulk by {@link BulkProcesses}: generated bookings obey TX-9 like
 * live ones.
 */
public final class PlayedProcess extends ProcessAccount {

    private final List<Booking> bookings = new ArrayList<>();

    private PlayedProcess(PaymentProcess process) {
        super(process, process.getCreatedAt(), BookingSource.SYSTEM);
    }

    /** A new process at its creation time; its TXID comes from {@link BulkProcesses#reserveTxids}. */
    public static PlayedProcess of(NewProcess spec) {
        return new PlayedProcess(new PaymentProcess(spec));
    }

    /** Books the following events at {@code time}. */
    public PlayedProcess at(Instant time) {
        moveTo(time);
        return this;
    }

    @Override
    List<ProcessDetails.BookingLine> booked(List<Booking> booked, ProcessStatus before) {
        bookings.addAll(booked);
        return ProcessMapping.lines(booked);
    }

    PaymentProcess row() {
        return process;
    }

    List<Booking> bookings() {
        return bookings;
    }
}
