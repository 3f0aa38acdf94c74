package com.kontor.ledger;

import com.kontor.tenancy.Partition;
import java.util.List;

/**
 * Bookings were appended to a process account. Published inside the booking's transaction; listeners that must only
 * see what was committed take it with {@code @ApplicationModuleListener} or {@code @TransactionalEventListener}.
 */
public record PaymentBooked(
        Partition partition,
        long txid,
        Long debtorId,
        BookingSource source,
        List<ProcessDetails.BookingLine> bookings) {}
