package com.kontor.ledger.internal;

import com.kontor.ledger.BookingSource;
import com.kontor.ledger.BookingType;
import com.kontor.ledger.PaymentMethod;
import com.kontor.ledger.ProcessStatus;
import com.kontor.ledger.ReceivableType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * The ledger rules of TX-9, in one place: every event a process can go through, the bookings it appends and the
 * status it leaves. It changes the process's stored summary together with the bookings it returns, so the caller
 * that saves both in one transaction keeps summary = sum of bookings. It refuses anything that would break a limit
 * (captured ≤ pre-authorised, refunded + reserved ≤ collected, a credit ≤ the receivable, a transfer ≤ the
 * overpayment and the open receivable) or a status transition of TX-3; callers check first to give the user a clear
 * answer, this is the last guard. A refused event changes nothing.
 */
public final class LedgerRules {

    private final Instant at;
    private final BookingSource source;

    private LedgerRules(Instant at, BookingSource source) {
        this.at = at;
        this.source = source;
    }

    public static LedgerRules at(Instant at, BookingSource source) {
        return new LedgerRules(at, source);
    }

    /**
     * A process whose method needs no provider confirmation to exist: invoice, prepayment and cash on delivery book
     * the receivable and are OPEN; a direct debit books it and stays IN_PROCESSING until the debit is executed.
     */
    public List<Booking> opened(PaymentProcess p, String providerTxn) {
        return atomically(p, () -> {
            PaymentMethod method = p.getPaymentMethod();
            if (!method.isOpenItem() && method != PaymentMethod.DIRECT_DEBIT) {
                throw new IllegalStateException(method + " is not booked as an open receivable");
            }
            List<Booking> bookings = new ArrayList<>();
            book(bookings, p, BookingType.RECEIVABLE, ReceivableType.RECEIVABLE, p.getAmount(), 0, providerTxn);
            move(p, method == PaymentMethod.DIRECT_DEBIT ? ProcessStatus.IN_PROCESSING : ProcessStatus.OPEN);
            return bookings;
        });
    }

    /** Card or wallet pre-authorised: no money yet, pre-authorised = amount. */
    public List<Booking> preauthorised(PaymentProcess p) {
        return atomically(p, () -> {
            p.addPreauthorized(p.getAmount());
            move(p, ProcessStatus.PREAUTHORIZED);
            return List.of();
        });
    }

    /** Card or wallet authorised (a sale): receivable and payment of the amount, OK. */
    public List<Booking> authorised(PaymentProcess p, String providerTxn) {
        return atomically(p, () -> {
            List<Booking> bookings = new ArrayList<>();
            book(bookings, p, BookingType.RECEIVABLE, ReceivableType.RECEIVABLE, p.getAmount(), 0, providerTxn);
            book(bookings, p, BookingType.PAYMENT, ReceivableType.RECEIVABLE, 0, p.getAmount(), providerTxn);
            p.addCollected(p.getAmount());
            move(p, ProcessStatus.OK);
            return bookings;
        });
    }

    /**
     * A capture of a pre-authorisation: the captured amount becomes receivable, and paid too when the provider
     * confirms the money ({@code paid}); PAYONE sends the money with a later "paid".
     */
    public List<Booking> captured(PaymentProcess p, long amount, String providerTxn, boolean paid) {
        return atomically(p, () -> {
            positive(amount);
            if (amount > p.getPreauthorized()) {
                throw new IllegalStateException("captured " + amount + " > pre-authorised " + p.getPreauthorized());
            }
            List<Booking> bookings = new ArrayList<>();
            p.addPreauthorized(-amount);
            book(bookings, p, BookingType.RECEIVABLE, ReceivableType.RECEIVABLE, amount, 0, providerTxn);
            if (paid) {
                book(bookings, p, BookingType.PAYMENT, ReceivableType.RECEIVABLE, 0, amount, providerTxn);
                p.addCollected(amount);
            }
            settle(p);
            return bookings;
        });
    }

    /** Money received (notification or by hand): OK when the balance is settled, else OPEN. */
    public List<Booking> paymentReceived(PaymentProcess p, long amount, String providerTxn) {
        return atomically(p, () -> {
            positive(amount);
            requireLive(p);
            List<Booking> bookings = new ArrayList<>();
            book(bookings, p, BookingType.PAYMENT, ReceivableType.RECEIVABLE, 0, amount, providerTxn);
            p.addCollected(amount);
            settle(p);
            return bookings;
        });
    }

    /**
     * A provider's settlement report paid a different amount than was booked (PSP-4): the difference is booked as a
     * payment of its own, positive when more arrived, negative when less did; a shortfall may not take away money
     * that is refunded or reserved for refunds. OK when the balance is settled, else OPEN, as a payment leaves it.
     */
    public List<Booking> settlementCorrected(PaymentProcess p, long difference, String providerTxn) {
        return atomically(p, () -> {
            if (difference == 0) {
                throw new IllegalArgumentException("a settlement correction needs a difference");
            }
            requireLive(p);
            if (difference < 0 && -difference > p.getRefundable()) {
                throw new IllegalStateException(
                        "settlement shortfall " + -difference + " > refundable " + p.getRefundable());
            }
            List<Booking> bookings = new ArrayList<>();
            book(bookings, p, BookingType.PAYMENT, ReceivableType.RECEIVABLE, 0, difference, providerTxn);
            p.addCollected(difference);
            settle(p);
            return bookings;
        });
    }

    /** Reserves a refund's amount while it waits for approval or for the provider's answer. */
    public void reserve(PaymentProcess p, long amount) {
        positive(amount);
        if (amount > p.getRefundable()) {
            throw new IllegalStateException("refund " + amount + " > refundable " + p.getRefundable());
        }
        p.addReserved(amount);
    }

    /** Releases a reservation (the refund was executed, declined or rejected). */
    public void release(PaymentProcess p, long amount) {
        positive(amount);
        if (amount > p.getReserved()) {
            throw new IllegalStateException("release " + amount + " > reserved " + p.getReserved());
        }
        p.addReserved(-amount);
    }

    /** Counts a refund request towards the four-eyes threshold, which applies to the sum of a process's refunds. */
    public void refundRequested(PaymentProcess p, long amount) {
        positive(amount);
        p.addRefundsRequested(amount);
    }

    /** A request that was rejected or declined no longer counts towards the threshold. */
    public void refundWithdrawn(PaymentProcess p, long amount) {
        positive(amount);
        p.addRefundsRequested(-Math.min(amount, p.getRefundsRequested()));
    }

    /**
     * A refund was asked for: its amount is reserved while it waits for approval or for the provider, and counts
     * towards the four-eyes threshold, which applies to the sum of a process's refunds.
     */
    public void refundReserved(PaymentProcess p, long amount) {
        atomically(p, () -> {
            reserve(p, amount);
            refundRequested(p, amount);
            return null;
        });
    }

    /** A reserved refund was executed by the provider: the reservation becomes the refund's bookings. */
    public List<Booking> refundExecuted(PaymentProcess p, long amount, String providerTxn, ReceivableType type) {
        return atomically(p, () -> {
            release(p, amount);
            return refunded(p, amount, providerTxn, type);
        });
    }

    /** A reserved refund was declined or rejected: the reservation is released and no longer counts. */
    public void refundFailed(PaymentProcess p, long amount) {
        atomically(p, () -> {
            release(p, amount);
            refundWithdrawn(p, amount);
            return null;
        });
    }

    /**
     * A refund to the original means of payment: a credit entry reduces the receivable and the payout reduces paid,
     * the balance and status stay. Call with the amount already released from any reservation.
     */
    public List<Booking> refunded(PaymentProcess p, long amount, String providerTxn) {
        return refunded(p, amount, providerTxn, ReceivableType.CREDIT_ENTRY);
    }

    /** A refund crediting the given type of receivable (a credit entry with flow of funds, OPS-3). */
    public List<Booking> refunded(PaymentProcess p, long amount, String providerTxn, ReceivableType type) {
        return atomically(p, () -> {
            positive(amount);
            if (amount > p.getRefundable()) {
                throw new IllegalStateException("refund " + amount + " > refundable " + p.getRefundable());
            }
            List<Booking> bookings = new ArrayList<>();
            book(bookings, p, BookingType.REFUND, type, -amount, -amount, providerTxn);
            p.addRefunded(amount);
            return bookings;
        });
    }

    /**
     * A credit entry without flow of funds (OPS-3): the receivable falls by the amount, no money moves; OK once
     * nothing is open. At most the receivable can be credited, and not while a direct debit is still in processing.
     */
    public List<Booking> credited(PaymentProcess p, long amount, ReceivableType type) {
        return atomically(p, () -> {
            positive(amount);
            requireLive(p);
            if (p.getStatus() == ProcessStatus.IN_PROCESSING) {
                throw new IllegalStateException("TX-3: a process IN_PROCESSING takes no credit entry yet");
            }
            if (amount > p.getReceivable()) {
                throw new IllegalStateException("credit " + amount + " > receivable " + p.getReceivable());
            }
            List<Booking> bookings = new ArrayList<>();
            book(bookings, p, BookingType.CREDIT_ENTRY, type, -amount, 0, null);
            settle(p);
            return bookings;
        });
    }

    /**
     * A dunning fee, default interest or a flat fee charged on an open receivable (DUN-7): the receivable rises by the
     * amount, no money moves, the process stays OPEN. Only a process with something open is charged.
     */
    public List<Booking> charged(PaymentProcess p, long amount, ReceivableType type) {
        return atomically(p, () -> {
            positive(amount);
            requireLive(p);
            if (p.getStatus() != ProcessStatus.OPEN || p.getBalance() <= 0) {
                throw new IllegalStateException("DUN-7: only an OPEN receivable is charged, not " + p.getStatus());
            }
            List<Booking> bookings = new ArrayList<>();
            book(bookings, p, BookingType.FEE, type, amount, 0, null);
            return bookings;
        });
    }

    /**
     * De-recognition of the open receivable (OPS-4): the whole open balance is written off and the process is OK;
     * not while a direct debit is in processing or an amount is still pre-authorised. A disbursal with funds is a
     * refund of its own. Returns the bookings; the amount is their debit.
     */
    public List<Booking> derecognised(PaymentProcess p) {
        return atomically(p, () -> {
            requireLive(p);
            if (p.getStatus() == ProcessStatus.IN_PROCESSING || p.getPreauthorized() > 0) {
                throw new IllegalStateException(
                        "TX-3: a process " + p.getStatus() + " is de-recognised once its money is decided");
            }
            long open = p.getBalance();
            if (open <= 0) {
                throw new IllegalStateException("nothing open to de-recognise: balance " + open);
            }
            List<Booking> bookings = new ArrayList<>();
            book(bookings, p, BookingType.DERECOGNITION, ReceivableType.RECEIVABLE, -open, 0, null);
            settle(p);
            return bookings;
        });
    }

    /**
     * Transfers {@code amount} of {@code from}'s overpayment to {@code to}'s open receivable (OPS-5): the money
     * leaves one process account and arrives in the other, both of the same debtor, currency and account-based
     * payment method (invoice, direct debit, prepayment). Both bookings or neither.
     */
    public List<Booking> transferred(PaymentProcess from, PaymentProcess to, long amount) {
        return atomically(
                from,
                () -> atomically(to, () -> {
                    positive(amount);
                    requireLive(from);
                    requireLive(to);
                    if (to.getStatus() == ProcessStatus.IN_PROCESSING) {
                        throw new IllegalStateException("TX-3: a process IN_PROCESSING takes no transfer yet");
                    }
                    if (from.getTxid() == to.getTxid()) {
                        throw new IllegalArgumentException("a process cannot transfer to itself");
                    }
                    if (from.getDebtorId() == null || !from.getDebtorId().equals(to.getDebtorId())) {
                        throw new IllegalStateException("OPS-5: transfers stay with one debtor");
                    }
                    if (!from.getPaymentMethod().isAccountBased() || from.getPaymentMethod() != to.getPaymentMethod()) {
                        throw new IllegalStateException(
                                "OPS-5: transfers only between processes of one account-based method");
                    }
                    if (!from.getCurrency().equals(to.getCurrency())) {
                        throw new IllegalStateException("OPS-5: transfers stay in one currency");
                    }
                    if (amount > -from.getBalance() || amount > from.getRefundable()) {
                        throw new IllegalStateException("transfer " + amount + " > overpayment " + -from.getBalance());
                    }
                    if (amount > to.getBalance()) {
                        throw new IllegalStateException("transfer " + amount + " > open receivable " + to.getBalance());
                    }
                    List<Booking> bookings = new ArrayList<>();
                    book(bookings, from, BookingType.TRANSFER, ReceivableType.RECEIVABLE, 0, -amount, null);
                    from.addCollected(-amount);
                    settle(from);
                    book(bookings, to, BookingType.TRANSFER, ReceivableType.RECEIVABLE, 0, amount, null);
                    to.addCollected(amount);
                    settle(to);
                    return bookings;
                }));
    }

    /** A chargeback or returned debit: paid falls by the amount, a fee passed on is receivable; the process is OPEN. */
    public List<Booking> chargeback(PaymentProcess p, long amount, long fee, String providerTxn) {
        return atomically(p, () -> {
            positive(amount);
            requireLive(p);
            if (amount > p.getCollected() - p.getRefunded()) {
                throw new IllegalStateException("chargeback " + amount + " > collected and not refunded "
                        + (p.getCollected() - p.getRefunded()));
            }
            List<Booking> bookings = new ArrayList<>();
            book(bookings, p, BookingType.CHARGEBACK, ReceivableType.RECEIVABLE, 0, -amount, providerTxn);
            if (fee > 0) {
                book(bookings, p, BookingType.FEE, ReceivableType.CHARGEBACK_FEE, fee, 0, providerTxn);
            }
            p.addCollected(-amount);
            if (p.getStatusBeforeChargeback() == null) {
                p.setStatusBeforeChargeback(p.getStatus());
            }
            move(p, ProcessStatus.OPEN);
            return bookings;
        });
    }

    /** A chargeback reversed: the money is back, a fee booked is taken back, the status as before the chargeback. */
    public List<Booking> chargebackReversed(PaymentProcess p, long amount, long fee, String providerTxn) {
        return atomically(p, () -> {
            positive(amount);
            requireLive(p);
            if (p.getStatusBeforeChargeback() == null) {
                throw new IllegalStateException("no chargeback to reverse");
            }
            List<Booking> bookings = new ArrayList<>();
            book(bookings, p, BookingType.CHARGEBACK_REVERSAL, ReceivableType.RECEIVABLE, 0, amount, providerTxn);
            if (fee > 0) {
                book(bookings, p, BookingType.FEE, ReceivableType.CHARGEBACK_FEE, -fee, 0, providerTxn);
            }
            p.addCollected(amount);
            p.setStatusBeforeChargeback(null);
            settle(p);
            return bookings;
        });
    }

    /** Declined or failed at creation: ERROR, terminal, nothing booked. */
    public void failed(PaymentProcess p, String errorCode, String errorMessage) {
        move(p, ProcessStatus.ERROR);
        p.setError(errorCode, errorMessage);
    }

    /** A redirect payment the purchaser abandoned: EMPTY, terminal. */
    public void abandoned(PaymentProcess p) {
        move(p, ProcessStatus.EMPTY);
    }

    /** Records a failure reason (a chargeback's cause, a failed capture) without changing money or status. */
    public void noteError(PaymentProcess p, String errorCode, String errorMessage) {
        p.setError(errorCode, errorMessage);
    }

    /** Runs one event all or nothing: if any rule refuses it half-way, the process is as before. */
    private static <T> T atomically(PaymentProcess p, Supplier<T> event) {
        PaymentProcess.Summary before = p.summary();
        try {
            return event.get();
        } catch (RuntimeException e) {
            p.restore(before);
            throw e;
        }
    }

    private static void settle(PaymentProcess p) {
        if (p.getPreauthorized() > 0) {
            move(p, ProcessStatus.PREAUTHORIZED);
        } else {
            move(p, p.getBalance() <= 0 ? ProcessStatus.OK : ProcessStatus.OPEN);
        }
    }

    private static void requireLive(PaymentProcess p) {
        if (p.getStatus() == ProcessStatus.ERROR || p.getStatus() == ProcessStatus.EMPTY) {
            throw new IllegalStateException("TX-3: a process in " + p.getStatus() + " takes no more bookings");
        }
    }

    private static void move(PaymentProcess p, ProcessStatus next) {
        if (!p.getStatus().mayBecome(next)) {
            throw new IllegalStateException("TX-3: " + p.getStatus() + " may not become " + next);
        }
        p.setStatus(next);
    }

    private void book(
            List<Booking> bookings,
            PaymentProcess p,
            BookingType type,
            ReceivableType receivableType,
            long debit,
            long credit,
            String providerTxn) {
        bookings.add(new Booking(
                p.getTxid(), at, type, receivableType, debit, credit, p.getCurrency(), providerTxn, source));
        p.addSums(debit, credit);
    }

    private static void positive(long amount) {
        if (amount <= 0) {
            throw new IllegalArgumentException("amount must be positive: " + amount);
        }
    }
}
