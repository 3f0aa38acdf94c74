package com.kontor.ledger;

import com.kontor.ledger.internal.Booking;
import com.kontor.ledger.internal.BookingRepository;
import com.kontor.ledger.internal.PaymentProcess;
import com.kontor.ledger.internal.PaymentProcessRepository;
import com.kontor.tenancy.CurrentTenancy;
import com.kontor.tenancy.Partition;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.IllegalTransactionStateException;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The ledger's one door for writing (TX-4, TX-9): it creates processes and locks them for the events that book on
 * them ({@link ProcessAccount}); nothing else writes a process or a booking. Every method runs in the caller's
 * transaction (one per operation; outside one it refuses with {@link IllegalTransactionStateException}) and in the
 * current partition. With the bookings it publishes {@link PaymentBooked},
 * {@link ProcessStatusChanged} and {@link ReceivableOverdue}; listeners take them after commit.
 */
@Service
public class Ledger {

    private final PaymentProcessRepository processes;
    private final BookingRepository bookings;
    private final ApplicationEventPublisher events;
    private final CurrentTenancy currentTenancy;
    private final Clock clock;

    @PersistenceContext
    private EntityManager entityManager;

    public Ledger(
            PaymentProcessRepository processes,
            BookingRepository bookings,
            ApplicationEventPublisher events,
            CurrentTenancy currentTenancy,
            Clock clock) {
        this.processes = processes;
        this.bookings = bookings;
        this.events = events;
        this.currentTenancy = currentTenancy;
        this.clock = clock;
    }

    /** The next TXID (TX-1): unique across the platform and rising; drawn before anything of the process is written. */
    public long nextTxid() {
        requireTransaction();
        return processes.nextTxid();
    }

    /** Creates a process and books how it opened; it stays locked for the rest of the transaction. */
    public LockedProcess open(NewProcess spec, Opening opening, BookingSource source) {
        requireTransaction();
        LockedProcess account = new LockedProcess(new PaymentProcess(spec), Instant.now(clock), source, this, true);
        switch (opening) {
            case Opening.Opened opened -> account.opened(opened.providerTxn());
            case Opening.Preauthorised preauthorised -> account.preauthorised();
            case Opening.Authorised authorised -> account.authorised(authorised.providerTxn());
            case Opening.Pending pending -> {}
            case Opening.Failed failed -> account.failed(failed.errorCode(), failed.errorMessage());
        }
        // persist, not save: the TXID is assigned, so save would merge and first read the row that is not there
        entityManager.persist(account.row());
        account.written();
        return account;
    }

    /** Locks a process of the current partition for a money operation (OPS-7); empty when there is none. */
    public Optional<LockedProcess> lock(long txid, BookingSource source) {
        requireTransaction();
        return processes.lockByTxid(txid).map(p -> locked(p, source));
    }

    /** Locks the processes a provider knows by this reference (normally one) for a notification's bookings. */
    public List<LockedProcess> lockByProviderReference(String reference, BookingSource source) {
        requireTransaction();
        return processes.lockByProviderReference(reference).stream()
                .map(p -> locked(p, source))
                .toList();
    }

    /**
     * Transfers {@code amount} of one process's overpayment to another's open receivable (OPS-5), locking both in
     * the order of their TXIDs, so that two transfers between the same pair in opposite directions cannot deadlock.
     */
    public List<ProcessDetails.BookingLine> transfer(long fromTxid, long toTxid, long amount, BookingSource source) {
        long first = Math.min(fromTxid, toTxid);
        Optional<LockedProcess> a = lock(first, source);
        Optional<LockedProcess> b = lock(first == fromTxid ? toTxid : fromTxid, source);
        if (a.isEmpty() || b.isEmpty()) {
            throw new IllegalArgumentException("no such process");
        }
        LockedProcess from = first == fromTxid ? a.get() : b.get();
        LockedProcess to = first == fromTxid ? b.get() : a.get();
        return from.transferTo(to, amount);
    }

    /**
     * One transaction per operation: a lock outside a transaction would end at once, and bookings written one by one
     * could be half-written. A check of the thread's transaction, not a transactional proxy: it costs nothing on the
     * payment path.
     */
    private static void requireTransaction() {
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            throw new IllegalTransactionStateException("The ledger writes only inside the caller's transaction");
        }
    }

    private LockedProcess locked(PaymentProcess process, BookingSource source) {
        return new LockedProcess(process, Instant.now(clock), source, this, false);
    }

    /** Writes an event's bookings and publishes what happened; {@code before} is null for a new process. */
    List<ProcessDetails.BookingLine> append(LockedProcess account, List<Booking> booked, ProcessStatus before) {
        List<ProcessDetails.BookingLine> lines = List.of();
        Partition partition = null;
        if (!booked.isEmpty()) {
            bookings.saveAll(booked);
            lines = ProcessMapping.lines(booked);
            partition = currentTenancy.requirePartition();
            events.publishEvent(new PaymentBooked(
                    partition,
                    account.txid(),
                    account.debtorId(),
                    booked.getFirst().getSource(),
                    lines));
        }
        if (before != account.status()) {
            partition = partition != null ? partition : currentTenancy.requirePartition();
            events.publishEvent(
                    new ProcessStatusChanged(partition, account.txid(), account.debtorId(), before, account.status()));
        }
        if (booked.stream().anyMatch(b -> b.getType() == BookingType.CHARGEBACK)) {
            events.publishEvent(new ReceivableOverdue(
                    partition,
                    account.txid(),
                    account.debtorId(),
                    account.money(account.balance()),
                    account.method() == PaymentMethod.DIRECT_DEBIT
                            ? ReceivableOverdue.Cause.RETURNED_DEBIT
                            : ReceivableOverdue.Cause.CHARGEBACK));
        }
        return lines;
    }

    List<Booking> bookingsOf(long txid) {
        return bookings.findByTxidOrderByIdAsc(txid);
    }

    boolean hasBooking(long txid, String providerTxn) {
        bookings.flush(); // the notification job writes at commit: bookings of an earlier notification count too
        return bookings.existsByTxidAndProviderTxn(txid, providerTxn);
    }
}
